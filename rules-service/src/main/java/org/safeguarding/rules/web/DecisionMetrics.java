package org.safeguarding.rules.web;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.safeguarding.rules.api.Pathway;
import org.safeguarding.rules.api.Recommendation;
import org.safeguarding.rules.api.RuleSetInfo;

/**
 * Prometheus metrics: decisions by pathway and provisional, refusals by status, decision
 * latency as a histogram, and the active rule set as an info metric. Labels carry outcomes
 * and versions only, never incident facts.
 */
@ApplicationScoped
public class DecisionMetrics {
    private final MeterRegistry registry;
    private final Map<Pathway, Counter[]> decisions = new EnumMap<>(Pathway.class);
    private final Counter badRequests;
    private final Counter tooLarge;
    private final Timer latency;
    private Gauge ruleSetInfo;

    public DecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Pathway pathway : Pathway.values()) {
            decisions.put(pathway, new Counter[] {decisionCounter(pathway, false), decisionCounter(pathway, true)});
        }
        badRequests = refusalCounter(400);
        tooLarge = refusalCounter(413);
        latency = Timer.builder("safeguarding.decision.duration").description("Time to decide one incident, excluding HTTP and JSON")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(1_000))
                .maximumExpectedValue(Duration.ofMillis(10)).register(registry);
    }

    private Counter decisionCounter(Pathway pathway, boolean provisional) {
        return Counter.builder("safeguarding.decisions").description("Decisions made, by pathway and provisional")
                .tag("pathway", pathway.name()).tag("provisional", Boolean.toString(provisional)).register(registry);
    }

    private Counter refusalCounter(int status) {
        return Counter.builder("safeguarding.refusals").description("Requests refused, by HTTP status")
                .tag("status", Integer.toString(status)).register(registry);
    }

    void recordDecision(Recommendation recommendation, long nanos) {
        decisions.get(recommendation.pathway())[recommendation.provisional() ? 1 : 0].increment();
        latency.record(nanos, TimeUnit.NANOSECONDS);
    }

    void recordRefusal(int status) {
        (status == 400 ? badRequests : tooLarge).increment();
    }

    /** Each rule set made active, as {@link org.safeguarding.rules.rulesets.RuleSets} announces it. */
    void onSwap(@jakarta.enterprise.event.Observes org.safeguarding.rules.rulesets.ActiveRuleSet active) {
        recordRuleSet(active.info());
    }

    /** The info metric names only the active rule set: the previous one's series is removed. */
    synchronized void recordRuleSet(RuleSetInfo info) {
        if (ruleSetInfo != null) {
            registry.remove(ruleSetInfo);
        }
        ruleSetInfo = Gauge.builder("safeguarding.ruleset.info", () -> 1).description("The active rule set; the value is always 1")
                .tag("version", info.version()).tag("sha256", info.sha256()).register(registry);
    }
}
