package org.safeguarding.rules.api;

/** Whose device holds the imagery. */
public enum Device {
    ORGANISATION, PERSONAL, UNKNOWN
}
