package org.safeguarding.examples;

import java.util.Map;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.DecisionEngine;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Recommendation;
import org.safeguarding.rules.api.Role;
import org.safeguarding.rules.api.RuleSetException;

/**
 * What an MIS that only decides does with the library: the shipped tables, an engine for one of
 * its schools with that school's own numbers, a decision, and a log line of its own (the
 * decision's id and pathway, never the incident's facts).
 */
public final class App {
    private static final Logger LOG = LogManager.getLogger(App.class);

    private App() {
    }

    public static void main(String[] args) throws Exception {
        Recommendation recommendation = run();
        System.out.println(recommendation.pathway() + " " + recommendation.actionCodes());
    }

    static Recommendation run() throws RuleSetException {
        DecisionEngine shipped = DecisionEngine.bundled();
        DecisionEngine school = shipped.withContacts(Map.of("LOCAL_CHILDRENS_SERVICES", "0300 123 4567",
                "EMERGENCY_DUTY_TEAM", "0300 123 9999", "LADO", "0300 123 5555"));
        Incident incident = Incident.builder().immediateDanger(Answer.NO).person(Role.CREATOR, 14).person(Role.SHARER, 30).build();
        Recommendation recommendation = school.decide(incident);
        LOG.info("Decision {}: {} with rule set {}", recommendation.decisionId(), recommendation.pathway(),
                recommendation.ruleSet().version());
        return recommendation;
    }

    static String backend() {
        return LogManager.getContext(false).getClass().getName();
    }
}
