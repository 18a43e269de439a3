package org.safeguarding.rules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Pathway;

/**
 * Where the compiled rules record what fired, for one decision. A rule with every condition
 * blank applies to every incident and has no pattern to bind, so the record is a global of the
 * decision's session rather than a fact. Each rule name is resolved once, here, to what the
 * decider already knows about that row.
 */
public final class Findings {
    private final Map<String, RuleInfo> rules;
    final List<RuleInfo> pathwayRules = new ArrayList<>(8);
    final List<Pathway> pathways = new ArrayList<>(8);
    final List<RuleInfo> actionRules = new ArrayList<>(16);
    final List<ActionCode> actions = new ArrayList<>(16);
    final List<RuleInfo> questionRules = new ArrayList<>(16);
    final List<String> questions = new ArrayList<>(16);

    Findings(Map<String, RuleInfo> rules) {
        this.rules = rules;
    }

    void pathway(Pathway pathway, RuleInfo rule) {
        pathwayRules.add(rule);
        pathways.add(pathway);
    }

    void act(RuleInfo rule) {
        actionRules.add(rule);
        actions.add(rule.actions()[0].code());
    }

    void ask(RuleInfo rule) {
        questionRules.add(rule);
        questions.add(rule.row().outcome());
    }

    /** Called by the Pathway table's rules. */
    public void pathway(Pathway pathway, String rule) {
        pathwayRules.add(rules.get(rule));
        pathways.add(pathway);
    }

    /** Called by the Actions table's rules. */
    public void act(ActionCode code, String rule) {
        actionRules.add(rules.get(rule));
        actions.add(code);
    }

    /** Called by the Questions table's rules. */
    public void ask(String fact, String rule) {
        questionRules.add(rules.get(rule));
        questions.add(fact);
    }
}
