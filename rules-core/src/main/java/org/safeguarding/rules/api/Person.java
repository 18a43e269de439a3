package org.safeguarding.rules.api;

import java.util.Objects;

/**
 * Someone in the incident: their role and, when known, their age in years (0 to 120). An
 * involved person aged 18 or over makes {@code adultInvolved} YES; a person whose age is not
 * known (an online contact, say) leaves it as the caller gave it.
 *
 * @param role what they did; a {@link Role#REPORTER} is never counted as involved
 * @param age  age in years, or {@code null} when it is not known
 * @throws IllegalArgumentException if the age is outside 0 to 120
 * @throws NullPointerException     if the role is null
 */
public record Person(Role role, Integer age) {
    public static final int MAX_AGE = 120;
    public static final int ADULT_AGE = 18;

    public Person {
        Objects.requireNonNull(role, "role");
        if (age != null && (age < 0 || age > MAX_AGE)) {
            throw new IllegalArgumentException("age must be between 0 and " + MAX_AGE + ", was " + age);
        }
    }

    /** A person whose age is not known. */
    public static Person ofUnknownAge(Role role) {
        return new Person(role, null);
    }

    public boolean isInvolved() {
        return role.isInvolved();
    }

    /** Involved and known to be 18 or over. */
    public boolean isInvolvedAdult() {
        return isInvolved() && age != null && age >= ADULT_AGE;
    }

    /** Known to be under 18, whatever their role. */
    public boolean isChild() {
        return age != null && age < ADULT_AGE;
    }
}
