package org.safeguarding.rules.web;

import org.safeguarding.rules.api.RuleSetInfo;
import org.safeguarding.rules.engine.Decider;

/** The rule set decisions are made with: swapped as a whole, so a decision uses exactly one. */
record ActiveRuleSet(Decider decider, RuleSetInfo info) {
}
