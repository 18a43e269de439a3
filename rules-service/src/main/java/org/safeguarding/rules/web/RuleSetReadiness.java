package org.safeguarding.rules.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the rule set has compiled and passed its safety analysis. */
@Readiness
@ApplicationScoped
public class RuleSetReadiness implements HealthCheck {
    private final RuleSets engine;

    public RuleSetReadiness(RuleSets engine) {
        this.engine = engine;
    }

    @Override
    public HealthCheckResponse call() {
        return engine.active()
                .map(a -> HealthCheckResponse.named("rule-set").up().withData("version", a.info().version()).build())
                .orElseGet(() -> HealthCheckResponse.named("rule-set").down().withData("reason", "compiling").build());
    }
}
