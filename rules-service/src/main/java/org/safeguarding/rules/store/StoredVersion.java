package org.safeguarding.rules.store;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A stored rule set version's record: who uploaded it and when, whether it passed its checks,
 * the full check report, and the uploader's note of what changed and why ({@code ""} if none).
 */
public record StoredVersion(String sha256, String uploadedBy, Instant uploadedAt, boolean passed, ObjectNode report, String note) {
    public StoredVersion {
        note = note == null ? "" : note;
    }
}
