package org.safeguarding.rules.rulesets;

/** Why an operation was refused, in words for the lead; {@code status} is the HTTP status. */
public final class Refused extends Exception {
    private final int status;
    private final boolean needsConfirmation;

    Refused(int status, String message) {
        this(status, message, false);
    }

    private Refused(int status, String message, boolean needsConfirmation) {
        super(message);
        this.status = status;
        this.needsConfirmation = needsConfirmation;
    }

    /** Refused until the caller says it has read the changes marked for checking against the live version. */
    static Refused needsConfirmation(String message) {
        return new Refused(409, message, true);
    }

    public int status() {
        return status;
    }

    public boolean needsConfirmation() {
        return needsConfirmation;
    }
}
