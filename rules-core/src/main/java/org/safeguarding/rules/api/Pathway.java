package org.safeguarding.rules.api;

/** The three pathways, declared from most to least severe. */
public enum Pathway {
    /** A child is in immediate danger: call 999 now, then refer. */
    EMERGENCY,
    /** Refer to children's social care and/or the police. */
    ESCALATE,
    /** The organisation may handle it itself, recording its reasons. */
    HANDLE_INTERNALLY;

    /** Higher is more severe: HANDLE_INTERNALLY 0, ESCALATE 1, EMERGENCY 2. */
    public int severity() {
        return values().length - 1 - ordinal();
    }

    public boolean isMoreSevereThan(Pathway other) {
        return severity() > other.severity();
    }
}
