package org.safeguarding.rules.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Reason;
import org.safeguarding.rules.tables.RuleRow;
import org.safeguarding.rules.tables.RuleTables;
import org.safeguarding.rules.tables.TableTemplate;

/**
 * The Pathway table's answer for every combination of its facts (pathway, provisional and
 * reasons, already ordered), as a number into the list of distinct answers: what the first step
 * of an index decision reads, saved with the index.
 */
record PathwayTable(int[] partOf, Decider.PathwayPart[] parts) {
    private static final int[] WEIGHTS = weights();

    /** The answer for these facts, by their Pathway facts alone. */
    Decider.PathwayPart part(FactVector facts) {
        int key = 0;
        for (Fact fact : TableTemplate.PATHWAY_FACTS) {
            key += facts.get(fact).ordinal() * WEIGHTS[fact.ordinal()];
        }
        return parts[partOf[key]];
    }

    /** The table worked out from the index's bits, every combination once. */
    static PathwayTable of(RuleTables tables, Map<String, RuleInfo> rules, DecisionIndex index) {
        List<Decider.PathwayPart> parts = new ArrayList<>();
        int size = combinations();
        int[] partOf = new int[size];
        Map<Object, Integer> seen = new HashMap<>();
        Map<String, Integer> bitOf = new HashMap<>();
        for (RuleRow row : tables.pathwayRows()) {
            bitOf.put(row.id(), bitOf.size());
        }
        FactVector facts = FactVector.allUnknown();
        for (int k = 0; k < size; k++) {
            int rest = k;
            for (Fact fact : TableTemplate.PATHWAY_FACTS) {
                facts.set(fact, fact.domain().get(rest % fact.domain().size()));
                rest /= fact.domain().size();
            }
            Findings findings = new Findings(rules);
            index.firePathwayRules(DecisionIndex.key(facts), findings);
            PathwayReading.Result result = PathwayReading.result(facts, findings);
            Integer id = seen.get(answerKey(result, bitOf));
            if (id == null) {
                id = parts.size();
                seen.put(answerKey(result, bitOf), id);
                Reason[] reasons = result.pathway() == null ? new Reason[0]
                        : PathwayReading.reasons(findings, result.pathway()).stream().map(RuleInfo::reason).toArray(Reason[]::new);
                parts.add(new Decider.PathwayPart(result.pathway(), result.provisional(), reasons));
            }
            partOf[k] = id;
        }
        return new PathwayTable(partOf, parts.toArray(Decider.PathwayPart[]::new));
    }

    /**
     * A saved table with each reason (saved by rule ID only) replaced by this rule set's own;
     * {@code null} when it does not fit these rules.
     */
    PathwayTable resolvedAgainst(Map<String, RuleInfo> rules) {
        if (partOf.length != combinations()) {
            return null;
        }
        for (int part : partOf) {
            if (part < 0 || part >= parts.length) {
                return null;
            }
        }
        Decider.PathwayPart[] resolved = new Decider.PathwayPart[parts.length];
        for (int i = 0; i < resolved.length; i++) {
            Decider.PathwayPart part = parts[i];
            Reason[] reasons = new Reason[part.reasons().length];
            for (int r = 0; r < reasons.length; r++) {
                RuleInfo rule = rules.get(part.reasons()[r].rule());
                if (rule == null || rule.row().sheet() != TableTemplate.PATHWAY) {
                    return null;
                }
                reasons[r] = rule.reason();
            }
            resolved[i] = new Decider.PathwayPart(part.pathway(), part.provisional(), reasons);
        }
        return new PathwayTable(partOf, resolved);
    }

    /** A compact key for a Pathway answer while the distinct answers are gathered: a long when the rules fit in one. */
    private static Object answerKey(PathwayReading.Result result, Map<String, Integer> bitOf) {
        if (bitOf.size() > 60) {
            return List.of(String.valueOf(result.pathway()), result.provisional(), result.reasons());
        }
        long key = result.pathway() == null ? 7 : result.pathway().ordinal() * 2L + (result.provisional() ? 1 : 0);
        for (String reason : result.reasons()) {
            key |= 1L << (3 + bitOf.get(reason));
        }
        return key;
    }

    private static int combinations() {
        int size = 1;
        for (Fact fact : TableTemplate.PATHWAY_FACTS) {
            size *= fact.domain().size();
        }
        return size;
    }

    private static int[] weights() {
        int[] weights = new int[Fact.values().length];
        int weight = 1;
        for (Fact fact : TableTemplate.PATHWAY_FACTS) {
            weights[fact.ordinal()] = weight;
            weight *= fact.domain().size();
        }
        return weights;
    }
}
