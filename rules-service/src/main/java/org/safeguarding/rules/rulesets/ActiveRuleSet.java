package org.safeguarding.rules.rulesets;

import java.time.Instant;

import org.safeguarding.rules.DecisionEngine;
import org.safeguarding.rules.RuleSet;
import org.safeguarding.rules.api.RuleSetException;
import org.safeguarding.rules.api.RuleSetInfo;
import org.safeguarding.rules.json.RecommendationJson;

/**
 * The rule set decisions are made with: swapped as a whole, so a decision uses exactly one.
 * The engine is taken once here, so a decision reads it straight from this record, and so is the
 * encoder of its responses, which remembers this rule set's texts and lists and goes with it.
 */
public record ActiveRuleSet(RuleSet ruleSet, DecisionEngine engine, RuleSetInfo info, RecommendationJson.Encoder encoder) {
    /**
     * Only a proven rule set is ever made active; one that is not (which review and the stores
     * never hand over) is refused here rather than served.
     */
    static ActiveRuleSet of(RuleSet ruleSet) {
        try {
            return new ActiveRuleSet(ruleSet, ruleSet.prove(), ruleSet.info(Instant.now()), RecommendationJson.encoder());
        } catch (RuleSetException e) {
            throw new IllegalStateException("Refusing to serve a rule set that is not proven safe: " + e.problems().size() + " finding(s)", e);
        }
    }
}
