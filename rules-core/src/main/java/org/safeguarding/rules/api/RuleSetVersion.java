package org.safeguarding.rules.api;

/**
 * Identifies the tables a decision was made with.
 *
 * @param version short form: the first 12 hex digits of {@code sha256}
 * @param sha256  SHA-256 over the bytes of every workbook, in name order
 */
public record RuleSetVersion(String version, String sha256) {
}
