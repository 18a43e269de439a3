package org.safeguarding.rules.runtime;

import java.nio.file.Path;
import java.util.Map;

import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.DecisionEngine;
import org.safeguarding.rules.api.Evaluation;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Recommendation;
import org.safeguarding.rules.api.Role;
import org.safeguarding.rules.RuleSet;
import org.safeguarding.rules.api.RuleSetException;
import org.safeguarding.rules.api.Workbook;

/**
 * An application that only decides, run by {@link RuntimeWithoutBuildDependenciesTest} with
 * rules-core and decision-tables alone on its classpath (no Drools, no POI, no logging library).
 * It prints what it saw, one fact per line, for the test to check.
 */
public final class RuntimeOnly {
    private RuntimeOnly() {
    }

    public static void main(String[] args) throws Exception {
        DecisionEngine engine = DecisionEngine.bundled();
        Recommendation danger = engine.decide(Incident.builder().immediateDanger(Answer.YES).build());
        System.out.println("danger " + danger.pathway() + " " + danger.actionCodes().get(0));
        DecisionEngine school = engine.withContacts(Map.of("LOCAL_CHILDRENS_SERVICES", "0300 123 4567"));
        Recommendation adult = school.decide(Incident.builder().immediateDanger(Answer.NO).person(Role.CREATOR, 14)
                .person(Role.SHARER, 30).build());
        System.out.println("adult " + adult.pathway() + " " + adult.has(ActionCode.REFER_CHILDRENS_SOCIAL_CARE) + " "
                + adult.actions().stream().anyMatch(a -> a.text().contains("0300 123 4567")));
        // A proven index saved by a build (here the shipped one), loaded beside its workbook: no Drools either.
        byte[] index;
        try (java.io.InputStream in = RuntimeOnly.class.getClassLoader().getResourceAsStream("org/safeguarding/rules/bundled-tables.index")) {
            index = in.readAllBytes();
        }
        DecisionEngine saved = RuleSet.fromIndex(index, Workbook.load(Path.of(args[0]))).orElseThrow().prove();
        System.out.println("saved index " + saved.decide(Incident.builder().immediateDanger(Answer.YES).build()).pathway());
        try {
            DecisionEngine.fromPath(Path.of(args[0]));
            System.out.println("built from workbooks");
        } catch (RuleSetException e) {
            System.out.println("build refused: " + e.problems().get(0).message());
        }
        try {
            engine.withEvaluation(Evaluation.DROOLS);
            System.out.println("drools evaluation");
        } catch (IllegalStateException e) {
            System.out.println("drools refused: " + e.getMessage());
        }
        System.out.println("drools loaded " + loaded("org.kie.api.KieBase") + ", poi loaded " + loaded("org.apache.poi.ss.usermodel.Workbook"));
    }

    private static boolean loaded(String name) {
        try {
            Class.forName(name, false, RuntimeOnly.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
