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

    static Refused activationNeedsConfirmation() {
        return needsConfirmation("Against the live version, this version changes wording that keeps a child safe, or a "
                + "contact that looks wrong: see the changes marked for checking (GET /api/v1/rulesets/{sha256}/changes). "
                + "Read them against the guidance, then activate it again saying you have (confirmed=true).");
    }

    static Refused rollbackNeedsConfirmation(String target) {
        return needsConfirmation("Going back changes wording that keeps a child safe, or a contact that looks wrong, against "
                + "the live version: see the changes marked for checking (GET /api/v1/rulesets/" + target + "/changes). "
                + "Read them, then roll back again saying you have (confirmed=true).");
    }

    /** The pointer moved under each of a change's attempts: others are changing it too. */
    static Refused keptChanging() {
        return new Refused(409, "The live version kept changing while this change was made (someone else is changing it). "
                + "Look at the list again, then try once more.");
    }

    public int status() {
        return status;
    }

    public boolean needsConfirmation() {
        return needsConfirmation;
    }
}
