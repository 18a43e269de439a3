package org.example.mis;

import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.DecisionEngine;
import org.safeguarding.rules.api.Incident;

public final class Modular {
    public static void main(String[] args) {
        var r = DecisionEngine.bundled().decide(Incident.builder().immediateDanger(Answer.YES).build());
        System.out.println("modular: " + r.pathway() + " " + r.actionCodes().get(0));
    }
}
