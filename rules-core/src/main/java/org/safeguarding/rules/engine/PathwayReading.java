package org.safeguarding.rules.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Pathway;
import org.safeguarding.rules.tables.TableTemplate;

/**
 * What the Pathway rules that fired mean, whichever evaluation fired them: the most severe
 * pathway wins, its rows are the reasons (the others were overruled), and whether the answer is
 * provisional.
 */
final class PathwayReading {
    private PathwayReading() {
    }

    /**
     * What the Pathway table gives for some facts: the pathway ({@code null} if no rule fired),
     * every rule that fired, and those of them a decision gives as its reasons.
     */
    record Result(Pathway pathway, boolean provisional, List<String> rules, List<String> reasons) {
    }

    static Result result(FactVector facts, Findings findings) {
        Pathway pathway = pathwayOf(findings);
        return new Result(pathway, pathway != null && provisional(facts, pathway, findings), ids(findings.pathwayRules),
                pathway == null ? List.of() : ids(reasons(findings, pathway)));
    }

    /** The most severe pathway a rule gave; {@code null} when no rule fired. */
    static Pathway pathwayOf(Findings findings) {
        Pathway pathway = null;
        for (Pathway fired : findings.pathways) {
            if (pathway == null || fired.isMoreSevereThan(pathway)) {
                pathway = fired;
            }
        }
        return pathway;
    }

    static Pathway decided(Findings findings) {
        Pathway pathway = pathwayOf(findings);
        if (pathway == null) {
            // Unreachable for a rule set that passed analysis (property 1, completeness).
            throw new IllegalStateException("no Pathway rule matched; the rule set was not analysed");
        }
        return pathway;
    }

    /**
     * Whether answering the unknown facts could change the pathway (decision model section 2):
     * immediate danger unknown, an escalation resting only on rows that match unknowns, or
     * handling internally while a fact the Pathway table reads is still unknown. The analyser
     * checks this against the definition itself over every combination of facts.
     */
    static boolean provisional(FactVector facts, Pathway pathway, Findings findings) {
        if (facts.isUnknown(Fact.IMMEDIATE_DANGER)) {
            return true;
        }
        return switch (pathway) {
            case EMERGENCY -> false;
            case ESCALATE -> {
                for (int i = 0; i < findings.pathwayRules.size(); i++) {
                    if (findings.pathways.get(i) == Pathway.ESCALATE && !findings.pathwayRules.get(i).row().readsUnknown()) {
                        yield false;
                    }
                }
                yield true;
            }
            case HANDLE_INTERNALLY -> {
                for (Fact fact : TableTemplate.PATHWAY_FACTS) {
                    if (facts.isUnknown(fact)) {
                        yield true;
                    }
                }
                yield false;
            }
        };
    }

    /** The Pathway rules that gave the decided pathway, in table order: the others were overruled. */
    static List<RuleInfo> reasons(Findings findings, Pathway decided) {
        List<RuleInfo> reasons = new ArrayList<>(findings.pathwayRules.size());
        for (int i = 0; i < findings.pathwayRules.size(); i++) {
            if (findings.pathways.get(i) == decided) {
                reasons.add(findings.pathwayRules.get(i));
            }
        }
        reasons.sort(Comparator.comparingInt(RuleInfo::rank));
        return reasons;
    }

    static List<String> ids(List<RuleInfo> fired) {
        List<String> ids = new ArrayList<>(fired.size());
        fired.forEach(r -> ids.add(r.row().id()));
        return ids;
    }
}
