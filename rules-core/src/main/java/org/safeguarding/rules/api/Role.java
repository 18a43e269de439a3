package org.safeguarding.rules.api;

/**
 * The part a person played. Everyone but the {@link #REPORTER} is involved in the incident;
 * only involved people count when the engine works out whether an adult was involved.
 */
public enum Role {
    CREATOR, SENDER, RECIPIENT, PICTURED, SHARER,
    /** Asked for or demanded the imagery. */
    REQUESTER,
    /** Involved some other way. */
    OTHER,
    /** Told the organisation (a parent, a friend, a member of staff): listed for the record, never involved. */
    REPORTER;

    public boolean isInvolved() {
        return this != REPORTER;
    }
}
