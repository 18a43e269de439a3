package org.safeguarding.rules.rulesets;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.safeguarding.rules.store.PostgresRuleSetStore;

/**
 * The operator's store settings ({@code safeguarding.store.jdbc-url}, {@code -jdbc-user},
 * {@code -jdbc-password} and {@code timeout}, docs/deployment.md) as the Quarkus datasource's.
 * With no URL nothing is set, so the datasource, and Flyway with it, stays inactive and a service
 * on the file store never connects. With one, the datasource gets that URL bounded by the timeout
 * ({@link PostgresRuleSetStore#withTimeouts}) and waits for a pooled connection no longer than it.
 * Registered in {@code META-INF/services}; below application.properties and the environment, so an
 * explicit {@code quarkus.datasource} setting still wins.
 */
public final class StoreDataSourceSettings implements ConfigSourceFactory {
    private static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        String url = value(context, "safeguarding.store.jdbc-url");
        if (url == null) {
            return List.of();
        }
        String timeoutSetting = value(context, "safeguarding.store.timeout");
        Duration timeout = timeoutSetting == null ? PostgresRuleSetStore.DEFAULT_TIMEOUT : DurationConverter.parseDuration(timeoutSetting);
        Map<String, String> settings = new HashMap<>();
        settings.put("quarkus.datasource.jdbc.url", PostgresRuleSetStore.withTimeouts(url, timeout));
        settings.put("quarkus.datasource.jdbc.acquisition-timeout", timeout.toMillis() + "ms");
        String user = value(context, "safeguarding.store.jdbc-user");
        if (user != null) {
            settings.put("quarkus.datasource.username", user);
        }
        String password = value(context, "safeguarding.store.jdbc-password");
        if (password != null) {
            settings.put("quarkus.datasource.password", password);
        }
        return List.of(new PropertiesConfigSource(settings, "safeguarding.store settings", ORDINAL));
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? null : value.getValue();
    }
}
