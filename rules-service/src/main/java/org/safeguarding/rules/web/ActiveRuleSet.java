package org.safeguarding.rules.web;

import org.safeguarding.rules.api.DecisionEngine;
import org.safeguarding.rules.api.RuleSet;
import org.safeguarding.rules.api.RuleSetInfo;

/**
 * The rule set decisions are made with: swapped as a whole, so a decision uses exactly one.
 * The engine is taken once here, so a decision reads it straight from this record.
 */
record ActiveRuleSet(RuleSet ruleSet, DecisionEngine engine, RuleSetInfo info) {
}
