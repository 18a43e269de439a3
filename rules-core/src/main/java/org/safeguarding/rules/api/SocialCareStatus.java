package org.safeguarding.rules.api;

/**
 * Whether a child involved is already known to children's social care (KCSIE, Part 2: children
 * who have a social worker; looked-after children and the virtual school head).
 */
public enum SocialCareStatus {
    /** No current involvement of children's social care. */
    NONE,
    /** A child in need (Children Act 1989, section 17), with a social worker. */
    CHILD_IN_NEED,
    /** On a child protection plan, with a social worker. */
    CHILD_PROTECTION_PLAN,
    /** Looked after by the local authority: a social worker and the virtual school head. */
    LOOKED_AFTER,
    UNKNOWN
}
