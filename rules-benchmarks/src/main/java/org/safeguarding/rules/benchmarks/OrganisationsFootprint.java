package org.safeguarding.rules.benchmarks;

import java.util.Map;

import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.DecisionEngine;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Role;

/**
 * What an engine per organisation holds: N engines (10,000 by default) with their own contacts over
 * the shipped rule set, the heap they add after a full collection, and the time each took to make;
 * then a check that each still gives its own numbers. bench/organisations.sh runs it.
 */
public final class OrganisationsFootprint {
    private OrganisationsFootprint() {
    }

    static Map<String, String> contactsOf(int organisation) {
        return Map.of("LOCAL_CHILDRENS_SERVICES", String.format("0300 %03d %04d", organisation / 1000, organisation % 10_000),
                "EMERGENCY_DUTY_TEAM", String.format("0301 %03d %04d", organisation / 1000, organisation % 10_000),
                "LADO", String.format("0302 %03d %04d", organisation / 1000, organisation % 10_000));
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        DecisionEngine shipped = DecisionEngine.bundled();
        Incident referral = Incident.builder().immediateDanger(Answer.NO).person(Role.CREATOR, 14).person(Role.SHARER, 30).build();
        shipped.withContacts(contactsOf(0)).decide(referral);
        long before = usedAfterCollection();
        long started = System.nanoTime();
        DecisionEngine[] engines = new DecisionEngine[count];
        for (int i = 0; i < count; i++) {
            engines[i] = shipped.withContacts(contactsOf(i));
        }
        long nanos = System.nanoTime() - started;
        long bytes = usedAfterCollection() - before;
        int own = 0;
        for (int i = 0; i < count; i++) {
            String number = contactsOf(i).get("LOCAL_CHILDRENS_SERVICES");
            if (engines[i].decide(referral).actions().stream().anyMatch(a -> a.text().contains(number))) {
                own++;
            }
        }
        System.out.printf("%,d engines: %,d bytes retained in all, %,d bytes each; %.1f us each to make; %,d of %,d give their own number%n",
                count, bytes, bytes / count, nanos / 1e3 / count, own, count);
        System.out.printf("heap: max %,d MB%n", Runtime.getRuntime().maxMemory() >> 20);
    }

    private static long usedAfterCollection() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
