package org.safeguarding.rules.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.safeguarding.rules.api.DecisionEngine;
import org.safeguarding.rules.api.RuleSetException;

/**
 * The engine decisions are made with. Compiled once at start-up, before the service reports
 * ready; never on a request thread.
 */
@ApplicationScoped
public class ActiveEngine {
    private static final Logger LOG = Logger.getLogger(ActiveEngine.class);

    private final AtomicReference<DecisionEngine> engine = new AtomicReference<>();
    private final Optional<Path> tables;

    private final DecisionMetrics metrics;

    public ActiveEngine(@ConfigProperty(name = "safeguarding.tables.path") Optional<Path> tables, DecisionMetrics metrics) {
        this.tables = tables;
        this.metrics = metrics;
    }

    void compileAtStartup(@Observes StartupEvent event) throws IOException, RuleSetException {
        long start = System.nanoTime();
        DecisionEngine built = tables.isPresent() ? DecisionEngine.fromPath(tables.get()) : DecisionEngine.bundled();
        engine.set(built);
        metrics.recordRuleSet(built.ruleSet());
        LOG.infof("Rule set %s (%s) compiled and proved safe in %d ms", built.ruleSet().version(),
                tables.isPresent() ? "tables from safeguarding.tables.path" : "bundled tables",
                (System.nanoTime() - start) / 1_000_000);
    }

    /** The engine, or empty until the rule set has compiled. */
    public Optional<DecisionEngine> get() {
        return Optional.ofNullable(engine.get());
    }
}
