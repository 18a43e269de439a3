package org.safeguarding.rules;

import java.util.List;
import java.util.Optional;

import org.safeguarding.rules.api.Problem;
import org.safeguarding.rules.api.Scenario;
import org.safeguarding.rules.api.Workbook;
import org.safeguarding.rules.engine.BuildDependencies;
import org.safeguarding.rules.scenarios.ScenarioFile;
import org.safeguarding.rules.scenarios.ScenarioWorkbook;

/** Scenario workbooks: the shipped scenarios every rule set must pass, and a setting's own. */
public final class Scenarios {
    private Scenarios() {
    }

    /** Reads a scenario workbook ({@code .xlsx}, laid out like the shipped scenarios.xlsx). */
    public static Scenario.Read read(Workbook workbook) {
        Optional<String> missing = BuildDependencies.missing("Reading a scenario workbook");
        if (missing.isPresent()) {
            return new Scenario.Read(List.of(), List.of(new Problem(workbook.name(), "", "", missing.get())));
        }
        ScenarioWorkbook.Result result = ScenarioWorkbook.read(workbook.name(), workbook.bytes());
        return new Scenario.Read(result.scenarios(), result.problems());
    }

    /** The shipped scenarios (scenarios.xlsx), which every rule set must pass. */
    public static List<Scenario> bundled() {
        return ScenarioFile.bundled();
    }
}
