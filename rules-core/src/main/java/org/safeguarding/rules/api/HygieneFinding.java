package org.safeguarding.rules.api;

/**
 * A row worth tidying: it never applies to any combination of facts, it applies but never
 * changes a decision (other rules decide every incident it covers), or it repeats another row
 * exactly. Rows that apply together with different pathways, each deciding some incidents, are
 * not findings: the most severe pathway wins, by design.
 */
public record HygieneFinding(Kind kind, SafetyFinding.RuleLocation rule, String message) {

    public enum Kind {
        NEVER_APPLIES, NEVER_DECIDES, DUPLICATE
    }
}
