package org.safeguarding.rules.api;

import java.util.Objects;

/**
 * Something odd about the facts as given, decided the safer way and said here: the request is
 * never refused for it. Messages name fields, never repeat their values.
 *
 * @param field   the field, e.g. {@code adultInvolved} or {@code people[1].age}
 * @param message what was odd and how it was read
 */
public record Warning(String field, String message) {
    public Warning {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
