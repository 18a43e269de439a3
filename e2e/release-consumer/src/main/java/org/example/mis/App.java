package org.example.mis;

import java.util.Map;

import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.DecisionEngine;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Pathway;
import org.safeguarding.rules.api.Recommendation;
import org.safeguarding.rules.api.Role;

/**
 * An MIS deciding with the shipped tables for many schools: one engine per school over one proven
 * rule set. Prints what it measured; exits with 1 (saying why on stdout) when a check fails.
 */
public final class App {
    private static final int SCHOOLS = 1_000;

    private App() {
    }

    public static void main(String[] args) throws Exception {
        DecisionEngine shipped = DecisionEngine.bundled();
        Recommendation danger = shipped.decide(Incident.builder().immediateDanger(Answer.YES).build());
        check(danger.pathway() == Pathway.EMERGENCY && danger.actionCodes().get(0) == ActionCode.CALL_999, "999 first");
        System.out.println("decided: " + danger.pathway() + " " + danger.actionCodes().get(0));

        Incident referral = Incident.builder().immediateDanger(Answer.NO).person(Role.CREATOR, 14).person(Role.SHARER, 30).build();
        shipped.withContacts(Map.of("LADO", "0300 000 0000")).decide(referral);
        long before = usedAfterCollection();
        long started = System.nanoTime();
        DecisionEngine[] schools = new DecisionEngine[SCHOOLS];
        for (int i = 0; i < SCHOOLS; i++) {
            schools[i] = shipped.withContacts(Map.of("LOCAL_CHILDRENS_SERVICES", number(1, i), "EMERGENCY_DUTY_TEAM", number(2, i),
                    "LADO", number(3, i)));
        }
        long micros = (System.nanoTime() - started) / 1_000 / SCHOOLS;
        long bytes = (usedAfterCollection() - before) / SCHOOLS;
        for (int i = 0; i < SCHOOLS; i++) {
            String words = String.join(" ", schools[i].decide(referral).actions().stream().map(a -> a.text()).toList());
            check(words.contains(number(1, i)) && words.contains(number(2, i)), "school " + i + " keeps its own numbers");
        }
        System.out.println("engines: " + SCHOOLS + ", " + bytes + " bytes and " + micros + " microseconds each");
        check(bytes <= 10 * 1024, "at most 10 KB per engine");
    }

    private static String number(int contact, int school) {
        return String.format("0%d00 %03d %04d", contact, school % 1000, school);
    }

    private static long usedAfterCollection() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    private static void check(boolean holds, String what) {
        if (!holds) {
            System.out.println("FAILED: " + what);
            System.exit(1);
        }
    }
}
