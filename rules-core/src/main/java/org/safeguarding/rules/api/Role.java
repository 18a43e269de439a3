package org.safeguarding.rules.api;

/** The part a person played in the incident. */
public enum Role {
    CREATOR, SENDER, RECIPIENT, PICTURED, SHARER, OTHER
}
