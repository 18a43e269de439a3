package org.safeguarding.rules.api;

import java.util.List;
import java.util.Map;

/**
 * What an edit changes against the active rule set (decision model, section 6): every
 * combination of facts decided by both, and every changed text a DSL reads.
 *
 * @param combinations   every combination compared (Pathway facts times Actions-only facts)
 * @param pathwayChanges changes of pathway or provisional flag, counted over every combination
 * @param actionChanges  actions added (+) or removed (-), counted over every combination
 * @param textChanges    every changed action text, question, summary and contact, before and after
 */
public record ImpactReport(long combinations, List<Change> pathwayChanges, List<Change> actionChanges, List<TextChange> textChanges) {
    public ImpactReport {
        textChanges = List.copyOf(textChanges);
    }

    public boolean safetyRegression() {
        return pathwayChanges.stream().anyMatch(Change::safetyRegression);
    }

    /** Changes a lead must confirm before activating: safety-critical wording, contacts that look wrong. */
    public boolean needsConfirmation() {
        return textChanges.stream().anyMatch(TextChange::needsConfirmation);
    }

    public boolean unchanged() {
        return pathwayChanges.isEmpty() && actionChanges.isEmpty() && textChanges.isEmpty();
    }

    /**
     * One kind of change.
     *
     * @param change       e.g. {@code ESCALATE → HANDLE_INTERNALLY} or {@code + REPORT_TO_IWF}
     * @param combinations how many combinations of facts change this way
     * @param example      the facts of one of them
     */
    public record Change(String change, long combinations, Map<String, String> example, boolean safetyRegression) {
        /** The change in a DSL's words: "Adds the action REFER_LADO", "The pathway changes from ESCALATE to HANDLE_INTERNALLY". */
        public String inWords() {
            if (change.startsWith("+ ")) {
                return "Adds the action " + change.substring(2);
            }
            if (change.startsWith("- ")) {
                return "No longer gives the action " + change.substring(2);
            }
            int arrow = change.indexOf(" → ");
            return arrow < 0 ? change : "The pathway changes from " + change.substring(0, arrow) + " to " + change.substring(arrow + 3);
        }
    }

    /**
     * A changed text or setting: the words a DSL reads change even when no decision does.
     *
     * @param sheet   the sheet it is on, e.g. {@code Action texts}
     * @param key     what it is, e.g. {@code DO_NOT_VIEW_IMAGERY}, {@code immediateDanger (why)},
     *                {@code ESCALATE (provisional)} or a contact name
     * @param before  the text before ({@code ""} when it is new)
     * @param after   the text after ({@code ""} when it was removed)
     * @param warning why the lead must look at it before activating, or {@code ""}
     */
    public record TextChange(String sheet, String key, String before, String after, String warning) {
        public boolean needsConfirmation() {
            return !warning.isEmpty();
        }
    }
}
