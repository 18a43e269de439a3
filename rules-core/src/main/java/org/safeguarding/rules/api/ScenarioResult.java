package org.safeguarding.rules.api;

import java.util.List;

/** How one scenario fared: passed, or what differed from what was expected. */
public record ScenarioResult(Scenario scenario, List<String> differences) {
    public ScenarioResult {
        differences = List.copyOf(differences);
    }

    public boolean passed() {
        return differences.isEmpty();
    }
}
