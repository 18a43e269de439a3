package org.safeguarding.rules.rulesets;

import java.nio.file.Path;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.safeguarding.rules.store.FileRuleSetStore;
import org.safeguarding.rules.store.PostgresRuleSetStore;
import org.safeguarding.rules.store.RuleSetStore;

/**
 * Which store the service keeps its rule sets in, chosen once by configuration: PostgreSQL when
 * {@code safeguarding.store.jdbc-url} is set (replicas share it), else the folder at
 * {@code safeguarding.store.path}. The store is opened by {@link RuleSets} at start, and again
 * while a database that was down at start is retried, so this hands over how to open it.
 *
 * @param localFolder the folder store, or on PostgreSQL the folder that keeps a copy of the active version
 */
public record StoreChoice(Opener opener, Path localFolder, boolean shared) {
    /** Opens the chosen store; on PostgreSQL this connects and migrates, so it may fail while the database is down. */
    @FunctionalInterface
    public interface Opener {
        RuleSetStore open();
    }

    public static StoreChoice folder(Path path) {
        return new StoreChoice(() -> new FileRuleSetStore(path), path, false);
    }

    public static StoreChoice postgres(String url, String user, String password, Path localFolder) {
        return postgres(url, user, password, PostgresRuleSetStore.DEFAULT_TIMEOUT, localFolder);
    }

    /**
     * PostgreSQL over plain driver connections, without the service's pool: for tests and tools.
     *
     * @param timeout the longest one database call may take: connecting, reading, or a statement
     */
    public static StoreChoice postgres(String url, String user, String password, java.time.Duration timeout, Path localFolder) {
        return new StoreChoice(() -> PostgresRuleSetStore.unpooled(url, user, password, timeout), localFolder, true);
    }

    /**
     * The CDI producer: the choice read from configuration. On PostgreSQL the store takes its
     * connections from the Quarkus datasource, which {@link StoreDataSourceSettings} configures
     * from the same settings, and its schema from the Quarkus Flyway over it (migrated when the
     * store opens, not at start: a replica whose database is down starts on its local copy).
     */
    @jakarta.inject.Singleton
    static class FromConfiguration {
        @Produces
        @jakarta.inject.Singleton
        StoreChoice choice(@ConfigProperty(name = "safeguarding.store.path", defaultValue = "rule-store") Path storePath,
                           @ConfigProperty(name = "safeguarding.store.jdbc-url") Optional<String> jdbcUrl,
                           Instance<DataSource> dataSource, Instance<Flyway> flyway) {
            return jdbcUrl.map(url -> new StoreChoice(() -> new PostgresRuleSetStore(dataSource.get(), flyway.get(), PostgresRuleSetStore.describe(url)),
                            storePath, true))
                    .orElseGet(() -> folder(storePath));
        }
    }
}
