package org.safeguarding.rules.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.safeguarding.rules.DecisionEngine;

/**
 * {@code DecisionEngine.bundled()} in a warm JVM: what an application embedding the library
 * pays at start for an engine on the shipped tables (their saved, proven index; no Drools).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BundledBenchmark {
    @Benchmark
    public DecisionEngine bundled() {
        return DecisionEngine.bundled();
    }
}
