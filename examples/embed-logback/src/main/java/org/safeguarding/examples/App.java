package org.safeguarding.examples;

import java.io.InputStream;
import java.util.Map;

import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.DecisionEngine;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Recommendation;
import org.safeguarding.rules.api.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an MIS does with the library: an engine on the shipped tables and one on a workbook it
 * was given (read with POI, compiled with Drools: both log through the application's stack),
 * a decision, and a log line of its own.
 */
public final class App {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private App() {
    }

    public static void main(String[] args) throws Exception {
        Recommendation recommendation = run();
        System.out.println(recommendation.pathway() + " " + recommendation.actionCodes());
    }

    static Recommendation run() throws Exception {
        DecisionEngine bundled = DecisionEngine.bundled();
        DecisionEngine edited;
        try (InputStream workbook = App.class.getClassLoader().getResourceAsStream("org/safeguarding/tables/safeguarding-rules.drl.xlsx")) {
            edited = DecisionEngine.fromStreams(Map.of("safeguarding-rules.drl.xlsx", workbook));
        }
        Incident incident = Incident.builder().immediateDanger(Answer.NO).person(Role.CREATOR, 14).build();
        Recommendation recommendation = edited.decide(incident);
        LOG.info("Decision {}: {} with rule set {}", recommendation.decisionId(), recommendation.pathway(),
                bundled.ruleSet().version());
        return recommendation;
    }

    static String backend() {
        return org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName();
    }
}
