package org.safeguarding.rules.api;

/**
 * A row worth tidying: it never applies to any combination of facts, or it repeats another
 * row exactly. In the Pathway table, rows that apply together with different pathways are not
 * findings: the most severe pathway wins, by design.
 */
public record HygieneFinding(Kind kind, SafetyFinding.RuleLocation rule, String message) {

    public enum Kind {
        NEVER_APPLIES, DUPLICATE
    }
}
