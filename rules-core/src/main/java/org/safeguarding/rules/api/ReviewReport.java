package org.safeguarding.rules.api;

import java.util.List;
import java.util.Optional;

/**
 * Every check a candidate rule set must pass before it may decide anything: valid against the
 * template and compiling, every safety property holding, every scenario passing; and what it
 * would change compared with the active rule set.
 *
 * @param problems  template and compile problems (nothing else runs when there are any)
 * @param safety    the safety analysis, empty when the tables did not compile
 * @param scenarios each scenario's result, empty when the tables did not compile
 * @param impact    what changes against the active rule set, empty without one
 */
public record ReviewReport(List<Problem> problems, Optional<SafetyReport> safety, List<ScenarioResult> scenarios,
                           Optional<ImpactReport> impact) {
    public ReviewReport {
        problems = List.copyOf(problems);
        scenarios = List.copyOf(scenarios);
    }

    /** Valid, safe and every scenario passes: the rule set may be activated. */
    public boolean passed() {
        return problems.isEmpty() && safety.map(SafetyReport::safe).orElse(false)
                && scenarios.stream().allMatch(ScenarioResult::passed);
    }
}
