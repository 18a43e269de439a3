package org.safeguarding.rules.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.safeguarding.rules.api.Problem;

/**
 * The result of checking every safety property over every combination of the facts the
 * tables read.
 *
 * @param pathwayCombinations combinations of Pathway-table facts evaluated
 * @param actionCombinations  combinations of Actions-table inputs evaluated
 * @param findings            every property that fails, empty when the tables are safe
 */
public record SafetyReport(long pathwayCombinations, long actionCombinations, List<SafetyFinding> findings) {

    public SafetyReport {
        findings = List.copyOf(findings);
    }

    public boolean safe() {
        return findings.isEmpty();
    }

    /** The findings as problems located at the first rule involved, for lists shown to a lead. */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        for (SafetyFinding finding : findings) {
            SafetyFinding.RuleLocation first = finding.rules().isEmpty() ? null : finding.rules().get(0);
            String example = finding.counterexample().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "));
            String rules = finding.rules().stream().map(r -> r.id() + " (" + r.sheet() + " row " + r.row() + ")")
                    .collect(Collectors.joining(", "));
            problems.add(new Problem(first == null ? "" : first.workbook(), first == null ? "" : first.sheet(),
                    first == null ? "" : "row " + first.row(),
                    "Safety property " + finding.property() + " (" + finding.title() + ") fails: " + finding.message()
                            + " Example: " + example + "." + (rules.isEmpty() ? " No rule matched." : " Rules that matched: " + rules + ".")
                            + " " + finding.combinations() + " combination(s) of facts fail this way."));
        }
        return problems;
    }
}
