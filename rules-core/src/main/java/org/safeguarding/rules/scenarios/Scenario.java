package org.safeguarding.rules.scenarios;

import java.util.List;
import java.util.Optional;

import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Pathway;

/**
 * One row of a scenario workbook: an incident and what the tables must decide for it.
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
}
