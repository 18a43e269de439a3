package org.safeguarding.rules.api;

import java.util.List;
import java.util.Optional;


/**
 * One row of a scenario workbook: an incident and what the tables must decide for it. Read with
 * {@code org.safeguarding.rules.Scenarios}.
 *
 * @param pathway     the expected pathway (every incident is decided: nothing is refused for its meaning)
 * @param provisional the expected provisional flag, or empty when not checked
 * @param mustFire    rule IDs that must be among the reasons
 */
public record Scenario(String workbook, int excelRow, String id, String description, String guidance, Incident incident,
                       Pathway pathway, Optional<Boolean> provisional, List<ActionCode> mustInclude,
                       List<ActionCode> mustNotInclude, List<String> mustFire) {

    public Scenario {
        mustInclude = List.copyOf(mustInclude);
        mustNotInclude = List.copyOf(mustNotInclude);
        mustFire = List.copyOf(mustFire);
    }

    /**
     * The scenarios of a scenario workbook.
     *
     * @param scenarios every scenario read
     * @param problems  every problem, each naming its workbook, sheet and cell (then no scenario is read)
     */
    public record Read(List<Scenario> scenarios, List<Problem> problems) {
        public Read {
            scenarios = List.copyOf(scenarios);
            problems = List.copyOf(problems);
        }
    }
}
