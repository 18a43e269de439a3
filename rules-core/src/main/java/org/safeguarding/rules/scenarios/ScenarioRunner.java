package org.safeguarding.rules.scenarios;

import java.util.ArrayList;
import java.util.List;

import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.DecisionEngine;
import org.safeguarding.rules.api.IncidentRejectedException;
import org.safeguarding.rules.api.Recommendation;

/** Runs scenarios against an engine and says, for each, what differed from what was expected. */
public final class ScenarioRunner {
    private ScenarioRunner() {
    }

    public static List<ScenarioResult> run(DecisionEngine engine, List<Scenario> scenarios) {
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            results.add(new ScenarioResult(scenario, differences(engine, scenario)));
        }
        return results;
    }

    private static List<String> differences(DecisionEngine engine, Scenario scenario) {
        List<String> differences = new ArrayList<>();
        Recommendation r;
        try {
            r = engine.decide(scenario.incident());
        } catch (IncidentRejectedException e) {
            if (scenario.pathway().isPresent()) {
                differences.add("expected " + scenario.pathway().get() + " but the incident was refused: " + e.getMessage());
            }
            return differences;
        }
        if (scenario.pathway().isEmpty()) {
            differences.add("expected the incident to be refused, but it was decided " + r.pathway());
            return differences;
        }
        if (r.pathway() != scenario.pathway().get()) {
            differences.add("pathway: expected " + scenario.pathway().get() + ", got " + r.pathway());
        }
        scenario.provisional().filter(p -> p != r.provisional())
                .ifPresent(p -> differences.add("provisional: expected " + (p ? "YES" : "NO") + ", got " + (r.provisional() ? "YES" : "NO")));
        for (ActionCode code : scenario.mustInclude()) {
            if (!r.has(code)) {
                differences.add("missing action " + code);
            }
        }
        for (ActionCode code : scenario.mustNotInclude()) {
            if (r.has(code)) {
                differences.add("unexpected action " + code);
            }
        }
        for (String rule : scenario.mustFire()) {
            if (!r.ruleIds().contains(rule)) {
                differences.add("rule " + rule + " did not fire");
            }
        }
        return differences;
    }
}
