package org.safeguarding.rules.api;

/** How an engine works out which rules apply. Both give the same decisions: a test compares them. */
public enum Evaluation {
    /**
     * From an index Drools filled in when the rule set was built: every rule's answer for every
     * combination of its inputs. The default; the safety analysis runs over it.
     */
    INDEX,
    /** In a Drools session per decision: the reference semantics the index is built from; slower. */
    DROOLS
}
