package org.safeguarding.rules.api;

/**
 * One thing wrong with a request, named by its field (JSON path), e.g. {@code people[0].age}.
 */
public record FieldError(String field, String message) {
}
