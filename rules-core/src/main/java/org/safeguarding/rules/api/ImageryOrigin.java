package org.safeguarding.rules.api;

/**
 * Where the imagery came from (UKCIS 2024, Annex D; NCA and IWF guidance on AI-generated imagery;
 * the NSPCC harmful sexual behaviour framework for a request with no image).
 */
public enum ImageryOrigin {
    /** Taken or filmed by a person: a real photograph, video or message. */
    TAKEN,
    /**
     * Made or altered by software ("nudify" apps, AI image generators, editing): illegal whether or
     * not it looks real, and the child pictured never agreed to it being made.
     */
    AI_OR_ALTERED,
    /** As {@link #AI_OR_ALTERED}, made from photographs the setting published (its website, its social media). */
    AI_OR_ALTERED_FROM_SETTING_PHOTOS,
    /** There is no image: someone asked a child for one (harmful sexual behaviour, or grooming when an adult asks). */
    REQUEST_ONLY,
    UNKNOWN;

    /** Made or altered by software, from whatever photographs. */
    public boolean madeBySoftware() {
        return this == AI_OR_ALTERED || this == AI_OR_ALTERED_FROM_SETTING_PHOTOS;
    }
}
