package org.safeguarding.rules.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the rule set has compiled and passed its safety analysis. */
@Readiness
@ApplicationScoped
public class RuleSetReadiness implements HealthCheck {
    private final ActiveEngine engine;

    public RuleSetReadiness(ActiveEngine engine) {
        this.engine = engine;
    }

    @Override
    public HealthCheckResponse call() {
        return engine.get()
                .map(e -> HealthCheckResponse.named("rule-set").up().withData("version", e.ruleSet().version()).build())
                .orElseGet(() -> HealthCheckResponse.named("rule-set").down().withData("reason", "compiling").build());
    }
}
