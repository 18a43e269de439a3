package org.safeguarding.rules.api;

/** What was shared. {@link #MESSAGE} means text only, with no image or video. */
public enum MediaType {
    IMAGE, VIDEO, MESSAGE, UNKNOWN
}
