package org.safeguarding.rules.benchmarks;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.safeguarding.rules.DecisionEngine;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Recommendation;
import org.safeguarding.rules.json.IncidentJson;
import org.safeguarding.rules.json.InvalidRequestException;
import org.safeguarding.rules.json.RecommendationJson;

/**
 * The service's own work per decision request, in parts: reading the body of {@code bench/wrk.sh}
 * ({@code bench/decision.json}), deciding, writing the response, and all three. The difference
 * between the decision endpoint and the bare one in {@code bench/wrk.sh} is this work. Writing is
 * what the service does: the encoded pieces copied into a direct buffer (the bare endpoint's
 * response is copied into one too, so that copy is in both).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ServiceWorkBenchmark {
    private DecisionEngine engine;
    /** As the service holds it: one per active rule set. */
    private final RecommendationJson.Encoder encoder = RecommendationJson.encoder();
    private byte[] body;
    private Incident incident;
    private Recommendation recommendation;
    private byte[] fixedResponse;
    /** Stands for the pooled direct buffer the service copies a response into. */
    private final ByteBuffer sent = ByteBuffer.allocateDirect(IncidentJson.MAX_BODY_BYTES);

    @Setup
    public void setUp() throws Exception {
        engine = DecisionEngine.bundled();
        body = Files.readAllBytes(Path.of("bench/decision.json"));
        incident = IncidentJson.read(body, engine.emergencyAction());
        recommendation = engine.decide(incident);
        fixedResponse = RecommendationJson.writeBytes(recommendation);
    }

    @Benchmark
    public Incident read() throws InvalidRequestException {
        return IncidentJson.read(body, engine.emergencyAction());
    }

    @Benchmark
    public Recommendation decide() {
        return engine.decide(incident);
    }

    @Benchmark
    public ByteBuffer write() {
        encoder.encode(recommendation).copyTo(sent.clear());
        return sent;
    }

    /** What the bare endpoint does with its fixed response, and so the part of {@link #write} that is not ours. */
    @Benchmark
    public ByteBuffer bareCopy() {
        return sent.clear().put(fixedResponse);
    }

    @Benchmark
    public ByteBuffer readDecideWrite() throws InvalidRequestException {
        encoder.encode(engine.decide(IncidentJson.read(body, engine.emergencyAction()))).copyTo(sent.clear());
        return sent;
    }
}
