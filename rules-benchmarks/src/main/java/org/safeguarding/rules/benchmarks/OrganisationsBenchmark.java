package org.safeguarding.rules.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.DecisionEngine;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Recommendation;
import org.safeguarding.rules.api.Role;
import org.safeguarding.rules.api.RuleSetException;

/**
 * An engine per organisation over one proven rule set: what making one costs, and what deciding
 * through one costs against the shipped engine (a referral, whose texts name the organisation's
 * numbers, so its words are the organisation's). The memory side is {@link OrganisationsFootprint}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OrganisationsBenchmark {
    private static final int ORGANISATIONS = 10_000;
    private DecisionEngine shipped;
    private DecisionEngine school;
    private Map<String, String>[] contacts;
    private int next;
    private final Incident referral = Incident.builder().immediateDanger(Answer.NO).person(Role.CREATOR, 14).person(Role.SHARER, 30).build();

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() throws RuleSetException {
        shipped = DecisionEngine.bundled();
        contacts = new Map[ORGANISATIONS];
        for (int i = 0; i < ORGANISATIONS; i++) {
            contacts[i] = OrganisationsFootprint.contactsOf(i);
        }
        school = shipped.withContacts(contacts[0]);
    }

    @Benchmark
    public DecisionEngine withContacts() throws RuleSetException {
        next = next + 1 == ORGANISATIONS ? 0 : next + 1;
        return shipped.withContacts(contacts[next]);
    }

    @Benchmark
    public Recommendation decideShipped() {
        return shipped.decide(referral);
    }

    @Benchmark
    public Recommendation decideForOneSchool() {
        return school.decide(referral);
    }
}
