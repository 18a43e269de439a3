package org.safeguarding.rules.api;

/**
 * Something still to find out.
 *
 * @param code the fact the answer settles; its JSON field name is {@code code.fieldName()}
 * @param text the question, as a DSL would ask it
 * @param why  why the answer matters
 */
public record Question(Fact code, String text, String why) {
}
