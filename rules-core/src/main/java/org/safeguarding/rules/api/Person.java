package org.safeguarding.rules.api;

import java.util.Objects;

/**
 * Someone involved in the incident, with their age in years (0 to 120). An adult (18 or
 * over) makes {@code adultInvolved} YES.
 */
public record Person(Role role, int age) {
    public static final int MAX_AGE = 120;
    public static final int ADULT_AGE = 18;

    public Person {
        Objects.requireNonNull(role, "role");
        if (age < 0 || age > MAX_AGE) {
            throw new IllegalArgumentException("age must be between 0 and " + MAX_AGE + ", was " + age);
        }
    }

    public boolean isAdult() {
        return age >= ADULT_AGE;
    }
}
