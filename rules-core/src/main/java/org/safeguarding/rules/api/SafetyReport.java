package org.safeguarding.rules.api;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.safeguarding.rules.api.Problem;

/**
 * The result of checking every safety property over every combination of the facts the
 * tables read, and the tables' hygiene.
 *
 * @param pathwayCombinations combinations of Pathway-table facts evaluated
 * @param actionCombinations  combinations of Actions-table inputs evaluated
 * @param findings            every safety property that fails, empty when the tables are safe
 * @param hygiene             rows that never apply or repeat another row; not unsafe, but worth fixing
 */
public record SafetyReport(long pathwayCombinations, long actionCombinations, List<SafetyFinding> findings,
                           List<HygieneFinding> hygiene) {

    public SafetyReport {
        findings = List.copyOf(findings);
        hygiene = List.copyOf(hygiene);
    }

    /** No safety property fails. Hygiene findings do not make tables unsafe. */
    public boolean safe() {
        return findings.isEmpty();
    }

    /** Safe, and nothing to tidy either. */
    public boolean clean() {
        return findings.isEmpty() && hygiene.isEmpty();
    }

    /** Hygiene findings located at their rule's ID cell. */
    public List<Problem> hygieneProblems() {
        return hygiene.stream().map(h -> new Problem(h.rule().workbook(), h.rule().sheet(), "A" + h.rule().row(), h.message())).toList();
    }

    /**
     * The findings as problems a lead can read, located at the ID cell of the first rule
     * involved: "This edit is not safe: ... For example: nobody is in immediate danger, ...".
     */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        for (SafetyFinding finding : findings) {
            SafetyFinding.RuleLocation first = finding.rules().isEmpty() ? null : finding.rules().get(0);
            String rules = finding.rules().stream().filter(r -> !r.isTextCell())
                    .map(r -> r.id() + " (" + r.sheet() + " sheet, cell A" + r.row() + ")").collect(Collectors.joining(", "));
            String texts = finding.rules().stream().filter(SafetyFinding.RuleLocation::isTextCell)
                    .map(r -> r.sheet() + " sheet, cell " + r.id()).collect(Collectors.joining(", "));
            problems.add(new Problem(first == null ? "" : first.workbook(), first == null ? "" : first.sheet(),
                    first == null ? "" : first.cell(),
                    "This edit is not safe: " + finding.message() + " For example: " + finding.exampleInWords() + "."
                            + (!texts.isEmpty() ? " Text to change: " + texts + "." : rules.isEmpty() ? " No rule applies to it." : " Rules involved: " + rules + ".")
                            + " This happens for " + String.format(java.util.Locale.UK, "%,d", finding.combinations())
                            + " of the possible incidents (safety property " + finding.property() + ": " + finding.title() + ")."));
        }
        return problems;
    }
}
