package org.safeguarding.rules.rulesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InactiveBeanException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** On the file store the Quarkus datasource and its Flyway are switched off: nothing connects to a database. */
@QuarkusTest
class FileStoreHasNoDatabaseTest {
    @Inject
    StoreChoice choice;

    @Test
    void the_datasource_and_flyway_are_inactive() {
        assertThat(choice.shared()).isFalse();
        assertThatThrownBy(() -> Arc.container().select(DataSource.class).get().getConnection()).isInstanceOf(InactiveBeanException.class);
        assertThatThrownBy(() -> Arc.container().select(Flyway.class).get().info()).isInstanceOf(InactiveBeanException.class);
    }
}
