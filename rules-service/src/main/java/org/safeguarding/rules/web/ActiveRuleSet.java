package org.safeguarding.rules.web;

import java.time.Instant;

import org.safeguarding.rules.api.DecisionEngine;
import org.safeguarding.rules.api.RuleSet;
import org.safeguarding.rules.api.RuleSetException;
import org.safeguarding.rules.api.RuleSetInfo;

/**
 * The rule set decisions are made with: swapped as a whole, so a decision uses exactly one.
 * The engine is taken once here, so a decision reads it straight from this record.
 */
record ActiveRuleSet(RuleSet ruleSet, DecisionEngine engine, RuleSetInfo info) {
    /**
     * Only a proven rule set is ever made active; one that is not (which review and the stores
     * never hand over) is refused here rather than served.
     */
    static ActiveRuleSet of(RuleSet ruleSet) {
        try {
            return new ActiveRuleSet(ruleSet, ruleSet.prove(), ruleSet.info(Instant.now()));
        } catch (RuleSetException e) {
            throw new IllegalStateException("Refusing to serve a rule set that is not proven safe: " + e.problems().size() + " finding(s)", e);
        }
    }
}
