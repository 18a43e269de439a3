package org.safeguarding.rules.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.safeguarding.rules.rulesets.RuleSets;

/** Ready only once the rule set has compiled and passed its safety analysis. */
@Readiness
@ApplicationScoped
public class RuleSetReadiness implements HealthCheck {
    private final RuleSets engine;
    private final FolderWatch watch;

    public RuleSetReadiness(RuleSets engine, FolderWatch watch) {
        this.engine = engine;
        this.watch = watch;
    }

    @Override
    public HealthCheckResponse call() {
        return engine.active()
                .map(a -> {
                    if (engine.storeProblem().isPresent()) {
                        // Serving a cached version while the store is out of reach: not ready, and why.
                        return HealthCheckResponse.named("rule-set").down().withData("version", a.info().version())
                                .withData("reason", engine.storeProblem().get()).build();
                    }
                    var response = HealthCheckResponse.named("rule-set").up().withData("version", a.info().version())
                            .withData("productBuild", org.safeguarding.rules.RuleSet.productBuild().substring(0, 12));
                    if (engine.reprovenAfterUpgrade() > 0) {
                        // A saved proof belongs to the build that made it: after an upgrade each version is proven once more.
                        response.withData("reprovenAfterUpgrade", engine.reprovenAfterUpgrade());
                    }
                    watch.status().filter(w -> !w.activated())
                            .ifPresent(w -> response.withData("folderWatch", "not activated: " + w.reason()));
                    engine.lag().ifPresent(l -> response.withData("notReadyFor", l.wanted().substring(0, 12) + ": " + l.reason()));
                    return response.build();
                })
                .orElseGet(() -> HealthCheckResponse.named("rule-set").down().withData("reason", engine.storeProblem().orElse("compiling")).build());
    }
}
