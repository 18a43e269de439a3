package org.safeguarding.rules.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Every connection the PostgreSQL store opens (Flyway's too) carries the store's timeout; an operator's own setting stays. */
class PostgresTimeoutsTest {
    @Test
    void the_url_carries_connect_login_socket_and_statement_timeouts() {
        assertThat(PostgresRuleSetStore.withTimeouts("jdbc:postgresql://db:5432/safeguarding", Duration.ofMillis(1500)))
                .isEqualTo("jdbc:postgresql://db:5432/safeguarding?connectTimeout=2&loginTimeout=2&socketTimeout=2"
                        + "&options=-c%20statement_timeout%3D2000");
    }

    @Test
    void a_setting_already_in_the_url_is_kept() {
        assertThat(PostgresRuleSetStore.withTimeouts("jdbc:postgresql://db/s?ssl=true&socketTimeout=30", Duration.ofSeconds(10)))
                .isEqualTo("jdbc:postgresql://db/s?ssl=true&socketTimeout=30&connectTimeout=10&loginTimeout=10"
                        + "&options=-c%20statement_timeout%3D10000");
    }
}
