package org.safeguarding.rules.api;

/**
 * A rule that fired.
 *
 * @param rule     the rule's ID in its table, e.g. {@code P-03}
 * @param table    the table (sheet) it is in, e.g. {@code Pathway}
 * @param text     what the rule says, in plain words
 * @param guidance the source and section it comes from
 */
public record Reason(String rule, String table, String text, String guidance) {
}
