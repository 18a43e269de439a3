package org.safeguarding.rules.scenarios;

import org.safeguarding.rules.api.Scenario;
import org.safeguarding.rules.api.ScenarioResult;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Recommendation;

/**
 * Runs scenarios against an engine and says, for each, what differed from what was expected.
 * A scenario's pathway is a minimum: a setting may make its tables stricter (its Policy sheet,
 * or stricter rows), and a decision more serious than expected passes, as long as it still
 * gives the actions the scenario requires (but those only a laxer or provisional decision
 * carries) and none of those a stricter decision must never have.
 */
public final class ScenarioRunner {
    /** Actions a stricter decision rightly drops: handling internally, and the first steps of a provisional one. */
    private static final Set<ActionCode> ONLY_WHEN_LAXER = EnumSet.of(ActionCode.HANDLE_WITHIN_ORGANISATION, ActionCode.REQUEST_DELETION,
            ActionCode.INITIAL_REVIEW_MEETING, ActionCode.CONTACT_NSPCC_HELPLINE);
    /** Actions a stricter decision must still never have, when a scenario forbids them. */
    private static final Set<ActionCode> NEVER_WHEN_STRICTER = EnumSet.of(ActionCode.HANDLE_WITHIN_ORGANISATION,
            ActionCode.REQUEST_DELETION, ActionCode.INVOLVE_PARENTS);

    private ScenarioRunner() {
    }

    /** Runs the scenarios with any way of deciding, e.g. a candidate rule set not yet made an engine. */
    public static List<ScenarioResult> run(Function<Incident, Recommendation> engine, List<Scenario> scenarios) {
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            results.add(new ScenarioResult(scenario, differences(engine, scenario)));
        }
        return results;
    }

    private static List<String> differences(Function<Incident, Recommendation> engine, Scenario scenario) {
        List<String> differences = new ArrayList<>();
        Recommendation r;
        try {
            r = engine.apply(scenario.incident());
        } catch (IllegalStateException e) {
            differences.add("no Pathway rule matches this incident, so there is no decision (see bin/rules analyse)");
            return differences;
        }
        if (r.pathway().isMoreSevereThan(scenario.pathway())) {
            return stricter(r, scenario);
        }
        if (r.pathway() != scenario.pathway()) {
            differences.add("pathway: expected " + scenario.pathway() + " (or stricter), got " + r.pathway());
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

    /** A decision more serious than the scenario expects: the setting is stricter, which the scenario allows. */
    private static List<String> stricter(Recommendation r, Scenario scenario) {
        List<String> differences = new ArrayList<>();
        for (ActionCode code : scenario.mustInclude()) {
            if (!r.has(code) && !ONLY_WHEN_LAXER.contains(code)) {
                differences.add("missing action " + code);
            }
        }
        for (ActionCode code : scenario.mustNotInclude()) {
            if (r.has(code) && NEVER_WHEN_STRICTER.contains(code)) {
                differences.add("unexpected action " + code);
            }
        }
        return differences;
    }
}
