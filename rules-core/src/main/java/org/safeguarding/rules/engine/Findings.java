package org.safeguarding.rules.engine;

import java.util.ArrayList;
import java.util.List;

import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Pathway;

/**
 * Where the compiled rules record what fired, in firing order. A rule with every condition
 * blank applies to every incident and has no pattern to bind, so the record is a global of a
 * session made for one decision rather than a fact.
 */
public final class Findings {
    final List<String> pathwayRules = new ArrayList<>(4);
    final List<Pathway> pathways = new ArrayList<>(4);
    final List<String> actionRules = new ArrayList<>(16);
    final List<ActionCode> actions = new ArrayList<>(16);
    final List<String> questionRules = new ArrayList<>(16);
    final List<String> questions = new ArrayList<>(16);

    /** Called by the Pathway table's rules. */
    public void pathway(Pathway pathway, String rule) {
        pathwayRules.add(rule);
        pathways.add(pathway);
    }

    /** Called by the Actions table's rules. */
    public void act(ActionCode code, String rule) {
        actionRules.add(rule);
        actions.add(code);
    }

    /** Called by the Questions table's rules. */
    public void ask(String fact, String rule) {
        questionRules.add(rule);
        questions.add(fact);
    }
}
