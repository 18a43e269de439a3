package org.safeguarding.rules.store;

import java.time.Instant;

/**
 * One thing done to the rule sets: an upload, an activation, a roll back or a folder-watch
 * deploy, by whom (the signed-in token's subject), to which version, with the lead's note.
 * Written once and never changed or removed by the service.
 *
 * @param action  {@code upload}, {@code activate}, {@code rollback}, {@code folder-watch} or {@code fallback} (the active version no longer passed at start, so the service serves the tables it started with)
 * @param sha256  the version it concerns (for a roll back, the version now active)
 * @param subject who: the token's subject ({@code folder watch} for deploys by file)
 * @param detail  for an upload, the name the lead gave, the outcome and their note; else {@code ""}
 */
public record AuditEntry(Instant at, String action, String sha256, String subject, String detail) {
}
