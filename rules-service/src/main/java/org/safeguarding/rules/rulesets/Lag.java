package org.safeguarding.rules.rulesets;

import java.time.Instant;

/** A version the store says is active but this replica could not load; it keeps serving its own. */
public record Lag(String wanted, Instant since, String reason) {
}
