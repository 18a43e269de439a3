package org.safeguarding.rules.benchmarks;

import java.io.InputStream;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Pathway;
import org.safeguarding.rules.engine.Decider;
import org.safeguarding.rules.engine.RuleSetCompiler;
import org.safeguarding.rules.tables.RuleTables;
import org.safeguarding.rules.tables.Workbook;
import org.safeguarding.rules.tables.WorkbookReader;

/** Where a decision's time goes: each Drools phase on its own, on the same random incidents. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PhaseBenchmark {
    private static final int INCIDENTS = 4096;
    private Decider decider;
    private Enum<?>[][] values;
    private int next;

    @Setup
    public void setUp() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("org/safeguarding/tables/safeguarding-rules.drl.xlsx")) {
            RuleTables tables = WorkbookReader.read(List.of(new Workbook("safeguarding-rules.drl.xlsx", in.readAllBytes()))).tables().orElseThrow();
            RuleSetCompiler.Result compiled = RuleSetCompiler.compile(tables);
            decider = new Decider(tables, compiled.base());
        }
        Random random = new Random(42);
        values = new Enum<?>[INCIDENTS][];
        for (int i = 0; i < INCIDENTS; i++) {
            values[i] = new Enum<?>[Fact.values().length];
            for (Fact fact : Fact.values()) {
                values[i][fact.ordinal()] = fact.domain().get(random.nextInt(fact.domain().size()));
            }
        }
    }

    @Benchmark
    public Decider.PathwayResult pathwayPhase() {
        next = (next + 1) & (INCIDENTS - 1);
        return decider.pathway(values[next]);
    }

    @Benchmark
    public Decider.ActionResult actionPhase() {
        next = (next + 1) & (INCIDENTS - 1);
        return decider.actions(values[next], Pathway.ESCALATE, true);
    }
}
