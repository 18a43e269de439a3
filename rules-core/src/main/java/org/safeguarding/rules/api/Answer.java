package org.safeguarding.rules.api;

/**
 * A yes/no fact that may not be known yet. {@link #UNKNOWN} is a first-class answer: the
 * rules never read it as {@link #NO}. In JSON, {@code true}, {@code false} and {@code null}
 * (or an absent field).
 */
public enum Answer {
    YES, NO, UNKNOWN;

    /** {@code true} → YES, {@code false} → NO, {@code null} → UNKNOWN. */
    public static Answer of(Boolean value) {
        return value == null ? UNKNOWN : value ? YES : NO;
    }

    /** The JSON form: {@code true}, {@code false}, or {@code null} for UNKNOWN. */
    public Boolean toBoolean() {
        return this == UNKNOWN ? null : this == YES;
    }
}
