package org.safeguarding.rules.api;

/** How far the imagery spread beyond the person it was first sent to. */
public enum Sharing {
    NOT_SHARED, SHARED_WITH_FEW, SHARED_WIDELY, POSTED_ONLINE, UNKNOWN
}
