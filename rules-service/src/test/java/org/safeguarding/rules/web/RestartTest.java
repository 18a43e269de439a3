package org.safeguarding.rules.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.rules.store.StoredVersion;
import org.safeguarding.rules.tables.EditedWorkbook;
import org.safeguarding.rules.tables.TableTemplate;
import org.safeguarding.rules.tables.Workbook;

/** A restarted service comes back on the version that was active, with its history for roll back. */
class RestartTest {
    @TempDir
    Path store;

    private RuleSets start() throws Exception {
        RuleSets ruleSets = new RuleSets(Optional.empty(), store, java.time.Duration.ofHours(1), 20, new DecisionMetrics(new SimpleMeterRegistry()));
        ruleSets.start(null);
        return ruleSets;
    }

    @Test
    void the_active_version_and_its_history_survive_a_restart() throws Exception {
        RuleSets first = start();
        String bundled = first.active().orElseThrow().info().sha256();
        byte[] edited = EditedWorkbook.ofShipped().set(TableTemplate.CONTACTS_SHEET, "B5", "0300 555 0199").bytes();
        StoredVersion version = first.upload(List.of(new Workbook(EditedWorkbook.NAME, edited)), "Lead");
        assertThat(version.passed()).isTrue();
        first.activate(version.sha256());

        RuleSets restarted = start();
        assertThat(restarted.active().orElseThrow().info().sha256()).isEqualTo(version.sha256());
        assertThat(restarted.rollback().sha256()).isEqualTo(bundled);
        assertThat(restarted.active().orElseThrow().info().sha256()).isEqualTo(bundled);
        assertThatThrownBy(restarted::rollback).isInstanceOf(RuleSets.Refused.class).hasMessageContaining("no earlier version");
    }
}
