package org.safeguarding.rules.analysis;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.IncidentWords;
import org.safeguarding.rules.api.Pathway;
import org.safeguarding.rules.api.Reason;
import org.safeguarding.rules.engine.FactVector;
import org.safeguarding.rules.engine.Decider;

/**
 * The properties of the first step, over every combination of the Pathway table's facts in one
 * age band: complete (1), monotone (2), EMERGENCY with danger (3), the provisional flag (7),
 * never laxer (8) and reasons that agree (10).
 */
final class PathwayProperties {
    private static final Pathway[] PATHWAYS = Pathway.values();
    private static final List<Enum<?>> RISK_ORDER = List.of(Answer.NO, Answer.UNKNOWN, Answer.YES);
    private static final List<Enum<?>> CONSENT_RISK_ORDER = List.of(Answer.YES, Answer.UNKNOWN, Answer.NO);
    private static final Set<Fact> SAFE_WHEN_NO = Set.of(Fact.SELF_HARM_RISK, Fact.ADULT_INVOLVED, Fact.INTENDED_HARM,
            Fact.COERCION_OR_BLACKMAIL, Fact.CAPACITY_CONCERN, Fact.ATYPICAL_OR_VIOLENT_CONTENT,
            Fact.UNDER13_SEXUAL_ACTIVITY, Fact.PROFIT_MOTIVE);

    private final Proof proof;
    private final FactSpace space;
    private final Decider.PathwayStep[] stepOf;
    private final byte[] pathwayOf;
    private final boolean[] provisionalOf;
    /**
     * The pathways of every full answer to a combination's unknown facts, as bits (pathway
     * ordinal + 1; bit 0 for no pathway). Worked out once per combination from those with one
     * unknown fewer, so property 7 costs a few operations per combination rather than a walk
     * over every completion of each.
     */
    private final byte[] completions;
    /** Property 10 for one served answer, worked out once for every combination that gets it. */
    private final Map<Decider.PathwayPart, List<String>> disagreeingReasons = new IdentityHashMap<>();

    PathwayProperties(Proof proof, FactSpace space, FactSpace.Pathways pathways) {
        this.proof = proof;
        this.space = space;
        this.stepOf = pathways.steps();
        this.pathwayOf = pathways.pathway();
        this.provisionalOf = pathways.provisional();
        this.completions = new byte[space.size()];
    }

    /** Risk order, safest first: false, unknown, true; for consent, true, unknown, false. */
    static List<Enum<?>> riskOrder(Fact fact) {
        return fact == Fact.CONSENT_GIVEN ? CONSENT_RISK_ORDER : RISK_ORDER;
    }

    void check(int index) {
        FactVector values = space.values(index);
        Pathway pathway = pathway(index);
        if (pathway == null) {
            report(SafetyProperty.COMPLETE, "no Pathway rule matches these facts, so there is no pathway.", values);
            return;
        }
        boolean danger = values.answer(Fact.IMMEDIATE_DANGER) == Answer.YES;
        if (danger != (pathway == Pathway.EMERGENCY)) {
            report(SafetyProperty.EMERGENCY_WITH_DANGER, danger
                    ? "a child is in immediate danger but the pathway is " + pathway + "."
                    : "the pathway is EMERGENCY although immediateDanger is not true.", values);
        }
        String unsafe = unsafeFacts(values);
        if (pathway == Pathway.HANDLE_INTERNALLY && !unsafe.isEmpty()) {
            report(SafetyProperty.NEVER_LAXER, "it would be handled within the organisation (HANDLE_INTERNALLY) although "
                    + unsafe + "; the guidance requires a referral.", values);
        }
        checkMonotone(index, values, pathway);
        for (String disagreement : disagreeingReasons.computeIfAbsent(stepOf[index].served(), this::reasonsArguingOtherwise)) {
            report(SafetyProperty.REASONS_AGREE, disagreement, values);
        }
        boolean definition = anyCompletionDiffers(index);
        if (definition != provisionalOf[index]) {
            report(SafetyProperty.PROVISIONAL, definition
                    ? "answering the unknown facts could change the pathway, but the decision is not marked provisional."
                    : "the decision is marked provisional, but no answer to the unknown facts changes the pathway.", values);
        }
    }

    private void checkMonotone(int index, FactVector values, Pathway pathway) {
        for (int k = 0; k < SafetyAnalyser.PATHWAY_FACTS.size(); k++) {
            Fact fact = SafetyAnalyser.PATHWAY_FACTS.get(k);
            List<Enum<?>> order = riskOrder(fact);
            int position = order.indexOf(values.get(fact));
            if (position < order.size() - 1) {
                Pathway after = pathway(space.withValue(index, k, order.get(position + 1)));
                if (after == null || after.severity() < pathway.severity()) {
                    report(SafetyProperty.MONOTONE, "learning something worse about " + fact.fieldName() + " (" + order.get(position)
                            + " to " + order.get(position + 1) + ") would lower the pathway from " + pathway + " to " + after
                            + ": a riskier incident must never get less serious advice.", values);
                }
            }
        }
    }

    private void report(SafetyProperty property, String message, FactVector values) {
        proof.findings.ofPathway(property, message, values, proof.decider.matchingPathwayRules(values, proof.youngest));
    }

    private List<String> reasonsArguingOtherwise(Decider.PathwayPart served) {
        List<String> disagreements = new ArrayList<>(0);
        for (Reason reason : served.reasons()) {
            Pathway argued = Pathway.valueOf(proof.rowsById.get(reason.rule()).outcome());
            if (argued != served.pathway()) {
                disagreements.add("the decision is " + served.pathway() + " but rule " + reason.rule() + ", given as a reason, says "
                        + argued + ".");
            }
        }
        return disagreements;
    }

    /** The facts not established safe (decision model section 2), in words; empty when every one is. */
    private static String unsafeFacts(FactVector values) {
        List<String> unsafe = new ArrayList<>();
        for (Fact fact : SafetyAnalyser.PATHWAY_FACTS) {
            Enum<?> value = values.get(fact);
            boolean safe = switch (fact) {
                case IMMEDIATE_DANGER -> value == Answer.NO;
                case CONSENT_GIVEN -> value == Answer.YES;
                case PARENTAL_RISK -> value != Answer.YES;
                default -> !SAFE_WHEN_NO.contains(fact) || value == Answer.NO;
            };
            if (!safe) {
                unsafe.add(IncidentWords.clause(fact.fieldName(), value.name()) + " (" + fact.fieldName() + ")");
            }
        }
        return String.join(", ", unsafe);
    }

    private Pathway pathway(int index) {
        return pathwayOf[index] < 0 ? null : PATHWAYS[pathwayOf[index]];
    }

    private int completionMask(int index) {
        int mask = completions[index];
        if (mask != 0) {
            return mask;
        }
        int k = space.firstUnknown(index, 0);
        if (k < 0) {
            mask = 1 << (pathwayOf[index] + 1);
        } else {
            Fact fact = SafetyAnalyser.PATHWAY_FACTS.get(k);
            for (Enum<?> answer : fact.domain()) {
                if (answer != fact.unknown()) {
                    mask |= completionMask(space.withValue(index, k, answer));
                }
            }
        }
        completions[index] = (byte) mask;
        return mask;
    }

    private boolean anyCompletionDiffers(int index) {
        return (completionMask(index) & ~(1 << (pathwayOf[index] + 1))) != 0;
    }
}
