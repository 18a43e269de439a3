package org.safeguarding.rules.api;

import java.time.Instant;
import java.util.List;

/**
 * The rule set an engine was built from.
 *
 * @param version  short form of {@code sha256}
 * @param sha256   SHA-256 over the bytes of every workbook, in name order
 * @param loadedAt when the engine compiled it
 * @param tables   each rule table with how many rules it has
 * @param setupWarnings local settings still to be made (e.g. the children's services number still a
 *                      placeholder on the Contacts sheet), each naming its cell; empty when all are set
 */
public record RuleSetInfo(String version, String sha256, Instant loadedAt, List<Table> tables, List<Problem> setupWarnings) {

    public RuleSetInfo {
        tables = List.copyOf(tables);
        setupWarnings = List.copyOf(setupWarnings);
    }

    /** A rule table: its name (the sheet) and number of rules (rows). */
    public record Table(String name, String workbook, int rules) {
    }
}
