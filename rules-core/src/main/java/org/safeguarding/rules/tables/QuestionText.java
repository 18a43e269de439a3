package org.safeguarding.rules.tables;

/** The words of one question, from the Question texts sheet. */
public record QuestionText(String text, String why) {
}
