package org.safeguarding.rules.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

/** The operator's store settings become the Quarkus datasource's, and without a URL there is none to activate. */
class StoreDataSourceSettingsTest {
    private static SmallRyeConfig config(Map<String, String> settings) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(settings, "operator", 300))
                .withSources(new StoreDataSourceSettings()).build();
    }

    @Test
    void a_jdbc_url_configures_the_datasource_bounded_by_the_store_timeout() {
        SmallRyeConfig config = config(Map.of("safeguarding.store.jdbc-url", "jdbc:postgresql://db/rules",
                "safeguarding.store.jdbc-user", "rules", "safeguarding.store.jdbc-password", "secret", "safeguarding.store.timeout", "3s"));
        assertThat(config.getValue("quarkus.datasource.jdbc.url", String.class))
                .isEqualTo("jdbc:postgresql://db/rules?connectTimeout=3&loginTimeout=3&socketTimeout=3&options=-c%20statement_timeout%3D3000");
        assertThat(config.getValue("quarkus.datasource.jdbc.acquisition-timeout", String.class)).isEqualTo("3000ms");
        assertThat(config.getValue("quarkus.datasource.username", String.class)).isEqualTo("rules");
        assertThat(config.getValue("quarkus.datasource.password", String.class)).isEqualTo("secret");
    }

    @Test
    void the_timeout_defaults_as_the_setting_does() {
        SmallRyeConfig config = config(Map.of("safeguarding.store.jdbc-url", "jdbc:postgresql://db/rules"));
        assertThat(config.getValue("quarkus.datasource.jdbc.url", String.class)).contains("socketTimeout=10&");
        assertThat(config.getOptionalValue("quarkus.datasource.username", String.class)).isEmpty();
    }

    @Test
    void without_a_jdbc_url_no_datasource_url_is_set() {
        SmallRyeConfig config = config(Map.of("safeguarding.store.path", "rule-store"));
        assertThat(config.getOptionalValue("quarkus.datasource.jdbc.url", String.class)).isEmpty();
    }

    @Test
    void an_operators_own_datasource_setting_wins() {
        SmallRyeConfig config = config(Map.of("safeguarding.store.jdbc-url", "jdbc:postgresql://db/rules",
                "quarkus.datasource.jdbc.acquisition-timeout", "1s"));
        assertThat(config.getValue("quarkus.datasource.jdbc.acquisition-timeout", String.class)).isEqualTo("1s");
    }
}
