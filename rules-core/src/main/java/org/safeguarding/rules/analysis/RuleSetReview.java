package org.safeguarding.rules.analysis;

import org.safeguarding.rules.api.ImpactReport;
import org.safeguarding.rules.api.SafetyReport;
import java.util.List;
import java.util.Optional;

import org.safeguarding.rules.api.ReviewReport;
import org.safeguarding.rules.engine.Decider;
import org.safeguarding.rules.engine.RuleSetBuilder;
import org.safeguarding.rules.api.Scenario;
import org.safeguarding.rules.api.ScenarioResult;
import org.safeguarding.rules.scenarios.ScenarioRunner;
import org.safeguarding.rules.api.Workbook;

/**
 * Every check a candidate rule set must pass before it may decide anything: valid against the
 * template and compiling, every safety property holding, every scenario passing; and what it
 * would change compared with the active rule set.
 */
public final class RuleSetReview {

    /** The report, and the compiled rule set when it passed. */
    public record Outcome(ReviewReport report, Optional<Decider> decider) {
    }

    private RuleSetReview() {
    }

    public static Outcome review(List<Workbook> workbooks, List<Scenario> scenarios, Optional<Decider> active) {
        RuleSetBuilder.Result built = RuleSetBuilder.build(workbooks);
        if (built.decider().isEmpty()) {
            return new Outcome(new ReviewReport(built.problems(), Optional.empty(), List.of(), Optional.empty()), Optional.empty());
        }
        Decider decider = built.decider().get();
        return review(decider, SafetyAnalyser.analyse(decider), scenarios, active);
    }

    /**
     * The review of a rule set already built, with its safety analysis (run, or loaded with its
     * saved index): only the scenarios and the impact are worked out.
     */
    public static Outcome review(Decider decider, SafetyReport safety, List<Scenario> scenarios, Optional<Decider> active) {
        List<ScenarioResult> results = ScenarioRunner.run(decider::decide, scenarios);
        Optional<ImpactReport> impact = active.map(a -> ImpactDiff.compare(a, decider));
        ReviewReport report = new ReviewReport(List.of(), Optional.of(safety), results, impact);
        return new Outcome(report, report.passed() ? Optional.of(decider) : Optional.empty());
    }
}
