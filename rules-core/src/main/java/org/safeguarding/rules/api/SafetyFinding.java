package org.safeguarding.rules.api;

import java.util.List;
import java.util.Map;

/**
 * A safety property that fails, with one concrete incident that shows it.
 *
 * @param property       the property's number in decision model section 6
 * @param title          the property in a few words
 * @param message        what goes wrong, in plain words
 * @param counterexample the facts of one failing incident (field name to value), plus
 *                       {@code pathway}/{@code provisional} when the Actions table is at fault
 * @param rules          the rows that fired for the counterexample, e.g. {@code Pathway row 30 (P-22)}
 * @param combinations   how many combinations of facts fail the same way
 */
public record SafetyFinding(int property, String title, String message, Map<String, String> counterexample,
                            List<RuleLocation> rules, long combinations) {

    public SafetyFinding {
        counterexample = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counterexample));
        rules = List.copyOf(rules);
    }

    /** The counterexample in a DSL's words, e.g. "nobody is in immediate danger, an adult is involved; not yet known: ...". */
    public String exampleInWords() {
        return IncidentWords.describe(counterexample);
    }

    /**
     * Where a rule involved in a finding is; for a text (safety property 12), {@code id} is the
     * text's own cell, e.g. {@code B5} on the Action texts sheet.
     */
    public record RuleLocation(String workbook, String sheet, int row, String id) {
        /** Whether this locates a text by its cell rather than a rule by its ID. */
        public boolean isTextCell() {
            return id.matches("[A-Z]{1,3}[0-9]+");
        }

        /** The cell to change: the text's own, or the rule's ID cell. */
        public String cell() {
            return isTextCell() ? id : "A" + row;
        }
    }
}
