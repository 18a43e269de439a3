package org.safeguarding.rules.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.health.api.HealthGroup;
import org.safeguarding.rules.rulesets.RuleSets;

/**
 * {@code /q/health/group/rule-set-current}: DOWN while this replica could not load the
 * version the shared store says is active. Readiness stays UP meanwhile, because the replica
 * still serves a version that passed every check; this group tells operators which replicas
 * lag.
 */
@HealthGroup("rule-set-current")
@ApplicationScoped
public class CurrentRuleSetCheck implements HealthCheck {
    private final RuleSets ruleSets;

    public CurrentRuleSetCheck(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    @Override
    public HealthCheckResponse call() {
        return ruleSets.lag()
                .map(l -> HealthCheckResponse.named("rule-set-current").down().withData("wanted", l.wanted())
                        .withData("reason", l.reason()).build())
                .orElseGet(() -> HealthCheckResponse.named("rule-set-current").up()
                        .withData("version", ruleSets.active().map(a -> a.info().version()).orElse("none")).build());
    }
}
