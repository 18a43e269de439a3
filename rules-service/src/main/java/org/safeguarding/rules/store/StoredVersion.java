package org.safeguarding.rules.store;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A stored rule set version's record: who uploaded it and when, whether it passed its checks,
 * and the full check report.
 */
public record StoredVersion(String sha256, String uploadedBy, Instant uploadedAt, boolean passed, ObjectNode report) {
}
