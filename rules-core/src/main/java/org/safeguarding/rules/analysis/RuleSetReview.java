package org.safeguarding.rules.analysis;

import java.util.List;
import java.util.Optional;

import org.safeguarding.rules.api.Problem;
import org.safeguarding.rules.engine.Decider;
import org.safeguarding.rules.engine.RuleSetBuilder;
import org.safeguarding.rules.scenarios.Scenario;
import org.safeguarding.rules.scenarios.ScenarioResult;
import org.safeguarding.rules.scenarios.ScenarioRunner;
import org.safeguarding.rules.tables.Workbook;

/**
 * Every check a candidate rule set must pass before it may decide anything: valid against the
 * template and compiling, every safety property holding, every scenario passing; and what it
 * would change compared with the active rule set.
 */
public final class RuleSetReview {

    /**
     * @param problems  template and compile problems (nothing else runs when there are any)
     * @param safety    the safety analysis, empty when the tables did not compile
     * @param scenarios each scenario's result, empty when the tables did not compile
     * @param impact    what changes against the active rule set, empty without one
     */
    public record Report(List<Problem> problems, Optional<SafetyReport> safety, List<ScenarioResult> scenarios,
                         Optional<ImpactDiff.Report> impact) {
        public Report {
            problems = List.copyOf(problems);
            scenarios = List.copyOf(scenarios);
        }

        /** Valid, safe and every scenario passes: the rule set may be activated. */
        public boolean passed() {
            return problems.isEmpty() && safety.map(SafetyReport::safe).orElse(false)
                    && scenarios.stream().allMatch(ScenarioResult::passed);
        }
    }

    /** The report, and the compiled rule set when it passed. */
    public record Outcome(Report report, Optional<Decider> decider) {
    }

    private RuleSetReview() {
    }

    public static Outcome review(List<Workbook> workbooks, List<Scenario> scenarios, Optional<Decider> active) {
        RuleSetBuilder.Result built = RuleSetBuilder.build(workbooks);
        if (built.decider().isEmpty()) {
            return new Outcome(new Report(built.problems(), Optional.empty(), List.of(), Optional.empty()), Optional.empty());
        }
        Decider decider = built.decider().get();
        return review(decider, SafetyAnalyser.analyse(decider), scenarios, active);
    }

    /**
     * The review of a rule set already built and proven (e.g. loaded from its saved index): only
     * the scenarios and the impact are worked out.
     */
    public static Outcome review(ProvenRuleSet proven, List<Scenario> scenarios, Optional<Decider> active) {
        return review(proven.decider(), proven.safety(), scenarios, active);
    }

    private static Outcome review(Decider decider, SafetyReport safety, List<Scenario> scenarios, Optional<Decider> active) {
        List<ScenarioResult> results = ScenarioRunner.run(decider::decide, scenarios);
        Optional<ImpactDiff.Report> impact = active.map(a -> ImpactDiff.compare(a, decider));
        Report report = new Report(List.of(), Optional.of(safety), results, impact);
        return new Outcome(report, report.passed() ? Optional.of(decider) : Optional.empty());
    }
}
