package org.safeguarding.rules.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random but reproducible incidents over the whole fact space (no contradictions, always in scope). */
public final class RandomIncidents {
    private RandomIncidents() {
    }

    /** A builder with every fact set at random, and nobody listed. */
    public static Incident.Builder facts(Random random) {
        Incident.Builder builder = Incident.builder();
        for (Fact fact : Fact.values()) {
            List<Enum<?>> domain = fact.domain();
            builder.set(fact, domain.get(random.nextInt(domain.size())));
        }
        return builder;
    }

    /** Every fact at random and zero to three people of any role, a quarter of them of unknown age. */
    public static Incident withRandomPeople(Random random) {
        Incident.Builder builder = facts(random);
        Role[] roles = Role.values();
        for (int p = random.nextInt(4); p > 0; p--) {
            Role role = roles[random.nextInt(roles.length)];
            if (random.nextInt(4) == 0) {
                builder.person(role);
            } else {
                builder.person(role, random.nextInt(Person.MAX_AGE + 1));
            }
        }
        return builder.build();
    }

    public static List<Incident> generate(Random random, int count) {
        List<Incident> incidents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Incident.Builder builder = facts(random);
            builder.person(Role.CREATOR, 11 + random.nextInt(7));
            if (random.nextInt(4) == 0) {
                builder.adultInvolved(random.nextBoolean() ? Answer.YES : Answer.UNKNOWN).person(Role.RECIPIENT, 18 + random.nextInt(40));
            }
            incidents.add(builder.build());
        }
        return incidents;
    }
}
