package org.safeguarding.rules.benchmarks;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.DecisionEngine;
import org.safeguarding.rules.api.Evaluation;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Recommendation;
import org.safeguarding.rules.api.Role;

/**
 * One full decision (pathway, actions, questions, reasons) on the bundled tables, cycling
 * through 4,096 different random incidents so no single path is measured; evaluated from the
 * index (the default) and in Drools sessions (the reference), in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecideBenchmark {
    private static final int INCIDENTS = 4096;

    @Param({"INDEX", "DROOLS"})
    public Evaluation evaluation;

    private DecisionEngine engine;
    private Incident[] incidents;
    private int next;

    @Setup
    public void setUp() {
        engine = DecisionEngine.bundled().withEvaluation(evaluation);
        Random random = new Random(42);
        incidents = new Incident[INCIDENTS];
        for (int i = 0; i < INCIDENTS; i++) {
            Incident.Builder builder = Incident.builder();
            for (Fact fact : Fact.values()) {
                List<Enum<?>> domain = fact.domain();
                builder.set(fact, domain.get(random.nextInt(domain.size())));
            }
            builder.person(Role.CREATOR, 11 + random.nextInt(7));
            if (random.nextInt(4) == 0) {
                builder.adultInvolved(Answer.UNKNOWN).person(Role.RECIPIENT, 18 + random.nextInt(40));
            }
            incidents[i] = builder.build();
        }
    }

    @Benchmark
    public Recommendation decide() {
        next = (next + 1) & (INCIDENTS - 1);
        return engine.decide(incidents[next]);
    }
}
