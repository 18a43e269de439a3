package org.safeguarding.rules.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What the rules recommend for one incident.
 *
 * @param decisionId   unique per decision; safe to log
 * @param reference    the caller's reference, echoed; {@code null} when none was given
 * @param pathway      the pathway, the first thing a DSL reads
 * @param provisional  true when answering the still-unknown facts could change the pathway
 * @param summary      one sentence a DSL can read aloud
 * @param actions      what to do, most urgent first
 * @param questions    what to find out, most decisive first; one per fact still unknown
 * @param reasons      the rules behind the decision: the Pathway rules that gave this pathway (rules that
 *                     matched but were overruled by a more serious pathway are not reasons), then the
 *                     action and question rules that fired
 * @param derivedFacts facts the engine worked out from others (e.g. adultInvolved from ages)
 * @param warnings     odd or contradictory facts, each decided the safer way; empty when there were none
 * @param ruleSet      which tables made this decision
 */
public record Recommendation(
        UUID decisionId,
        String reference,
        Pathway pathway,
        boolean provisional,
        String summary,
        List<Action> actions,
        List<Question> questions,
        List<Reason> reasons,
        Map<Fact, Answer> derivedFacts,
        List<Warning> warnings,
        RuleSetVersion ruleSet) {

    public Recommendation {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(pathway, "pathway");
        Objects.requireNonNull(summary, "summary");
        actions = List.copyOf(actions);
        questions = List.copyOf(questions);
        reasons = List.copyOf(reasons);
        derivedFacts = Map.copyOf(derivedFacts);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(ruleSet, "ruleSet");
    }

    /** Whether the recommendation includes the action. */
    public boolean has(ActionCode code) {
        return actions.stream().anyMatch(a -> a.code() == code);
    }

    /** The action codes in order. */
    public List<ActionCode> actionCodes() {
        return actions.stream().map(Action::code).toList();
    }

    /** The facts asked about, in order. */
    public List<Fact> questionCodes() {
        return questions.stream().map(Question::code).toList();
    }

    /** The IDs of the rules that fired, in the order of {@link #reasons()}. */
    public List<String> ruleIds() {
        return reasons.stream().map(Reason::rule).toList();
    }
}
