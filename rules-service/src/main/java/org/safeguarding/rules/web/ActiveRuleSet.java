package org.safeguarding.rules.web;

import org.safeguarding.rules.api.DecisionEngine;
import org.safeguarding.rules.api.RuleSet;
import org.safeguarding.rules.api.RuleSetInfo;

/** The rule set decisions are made with: swapped as a whole, so a decision uses exactly one. */
record ActiveRuleSet(RuleSet ruleSet, RuleSetInfo info) {
    DecisionEngine engine() {
        return ruleSet.engine();
    }
}
