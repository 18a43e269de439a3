package org.safeguarding.rules.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.safeguarding.rules.api.Workbook;
import org.safeguarding.rules.store.StoredVersion;
import org.safeguarding.rules.store.TestPostgres;
import org.safeguarding.rules.tables.EditedWorkbook;
import org.safeguarding.rules.tables.TableTemplate;

/**
 * Two replicas on one PostgreSQL database, no shared folder: an activation on one is followed by
 * the other through LISTEN/NOTIFY (the poll is set to an hour, so nothing else could), and both
 * actions are in the one audit trail.
 */
class PostgresReplicasTest {


    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path cache;

    /** A replica with a local folder of its own, as each machine has. */
    private RuleSets replica(String url) throws Exception {
        return replica(url, java.nio.file.Files.createTempDirectory(cache, "replica"));
    }

    private RuleSets replica(String url, java.nio.file.Path local) throws Exception {
        RuleSets replica = new RuleSets(StoreChoice.postgres(url, "postgres", null, local), java.util.Optional.empty(), Duration.ofHours(1), 20, swapped -> { });
        replica.start(null);
        return replica;
    }

    @Test
    void an_activation_on_one_replica_is_followed_by_the_other_within_a_second() throws Exception {
        String url = TestPostgres.shared().newDatabase();
        RuleSets first = replica(url);
        RuleSets second = replica(url);
        try {
            String shipped = first.active().orElseThrow().info().sha256();
            assertThat(second.active().orElseThrow().info().sha256()).isEqualTo(shipped);
            byte[] edited = EditedWorkbook.ofShipped().set(TableTemplate.CONTACTS_SHEET, "B5", "0300 555 0144").bytes();
            StoredVersion version = first.upload(List.of(new Workbook(EditedWorkbook.NAME, edited)), "Lead");
            assertThat(version.passed()).isTrue();
            first.activate(version.sha256(), false, "Lead");
            long millis = org.safeguarding.rules.testing.Eventually.within("the other replica following the activation",
                    () -> second.active().orElseThrow().info().sha256().equals(version.sha256()));
            System.out.printf("the other replica followed the activation in %d ms%n", millis);
            assertThat(second.audit(0, 10)).extracting(e -> e.action()).contains("upload", "activate");
        } finally {
            first.stop(null);
            second.stop(null);
        }
    }

    @Test
    void a_replica_started_while_the_database_is_down_serves_its_cached_version_not_ready_then_catches_up() throws Exception {
        String url = TestPostgres.shared().newDatabase();
        java.nio.file.Path machine = java.nio.file.Files.createTempDirectory(cache, "machine");
        RuleSets first = replica(url, machine);
        String shipped = first.active().orElseThrow().info().sha256();
        first.stop(null);
        TestPostgres.shared().stop();
        RuleSets late;
        RuleSets fresh;
        try {
            // Restarted on the same machine: its folder has the version it last served.
            late = new RuleSets(StoreChoice.postgres(url, "postgres", null, machine), java.util.Optional.empty(), Duration.ofMillis(200), 20, swapped -> { });
            late.start(null);
            assertThat(late.active()).as("the version cached on this machine").hasValueSatisfying(a -> assertThat(a.info().sha256()).isEqualTo(shipped));
            assertThat(late.storeProblem()).hasValueSatisfying(reason -> assertThat(reason).contains("cannot be reached", "serving the cached version"));
            org.assertj.core.api.Assertions.assertThatThrownBy(late::list).isInstanceOf(java.io.IOException.class);
            fresh = new RuleSets(StoreChoice.postgres(url, "postgres", null, java.nio.file.Files.createTempDirectory(cache, "none")), java.util.Optional.empty(), Duration.ofMillis(200), 20, swapped -> { });
            fresh.start(null);
            assertThat(fresh.active()).as("nothing cached: no rule set until the store answers").isEmpty();
            assertThat(fresh.storeProblem()).hasValueSatisfying(reason -> assertThat(reason).contains("cannot be reached"));
        } finally {
            TestPostgres.shared().restart();
        }
        try {
            org.safeguarding.rules.testing.Eventually.within("both replicas reaching the database again",
                    () -> fresh.storeProblem().isEmpty() && late.storeProblem().isEmpty());
            assertThat(fresh.active()).as("caught up once the database is back").isPresent();
            assertThat(fresh.active().orElseThrow().info().sha256()).isEqualTo(shipped);
            assertThat(late.storeProblem()).isEmpty();
            assertThat(fresh.storeProblem()).isEmpty();
        } finally {
            late.stop(null);
            fresh.stop(null);
        }
    }

    @Test
    void two_replicas_activating_different_versions_at_once_end_on_the_same_one_and_both_are_audited() throws Exception {
        String url = TestPostgres.shared().newDatabase();
        RuleSets first = replica(url);
        RuleSets second = replica(url);
        try {
            StoredVersion one = first.upload(List.of(new Workbook(EditedWorkbook.NAME,
                    EditedWorkbook.ofShipped().set(TableTemplate.CONTACTS_SHEET, "B5", "0300 555 0101").bytes())), "Lead one");
            StoredVersion two = second.upload(List.of(new Workbook(EditedWorkbook.NAME,
                    EditedWorkbook.ofShipped().set(TableTemplate.CONTACTS_SHEET, "B5", "0300 555 0202").bytes())), "Lead two");
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            var a = pool.submit(() -> {
                together.await();
                return first.activate(one.sha256(), false, "lead-one");
            });
            var b = pool.submit(() -> {
                together.await();
                return second.activate(two.sha256(), false, "lead-two");
            });
            a.get();
            b.get();
            pool.shutdown();
            String winner = first.pointer().orElseThrow().active();
            assertThat(winner).isIn(one.sha256(), two.sha256());
            org.safeguarding.rules.testing.Eventually.within("both replicas serving the winner",
                    () -> first.active().orElseThrow().info().sha256().equals(winner) && second.active().orElseThrow().info().sha256().equals(winner));
            assertThat(first.active().orElseThrow().info().sha256()).isEqualTo(winner);
            assertThat(second.active().orElseThrow().info().sha256()).isEqualTo(winner);
            assertThat(first.audit(0, 20)).filteredOn(e -> e.action().equals("activate")).extracting(e -> e.subject())
                    .contains("lead-one", "lead-two");
        } finally {
            first.stop(null);
            second.stop(null);
        }
    }

    @Test
    void while_the_database_is_lost_decisions_go_on_and_admin_calls_fail_clearly_then_work_again() throws Exception {
        String url = TestPostgres.shared().newDatabase();
        RuleSets replica = replica(url);
        try {
            TestPostgres.shared().stop();
            try {
                assertThat(replica.active().orElseThrow().engine().decide(org.safeguarding.rules.api.Incident.builder()
                        .immediateDanger(org.safeguarding.rules.api.Answer.YES).build()).actionCodes().get(0))
                        .isEqualTo(org.safeguarding.rules.api.ActionCode.CALL_999);
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> replica.upload(List.of(new Workbook(EditedWorkbook.NAME,
                        EditedWorkbook.shippedBytes())), "Lead")).isInstanceOf(java.io.IOException.class);
            } finally {
                TestPostgres.shared().restart();
            }
            assertThat(replica.list()).isNotEmpty();
        } finally {
            replica.stop(null);
        }
    }

    /**
     * Issue 28: a database that hangs (frozen, not gone: connections are accepted and then nothing
     * answers) fails each admin call within the store's timeout, and decisions never wait for it.
     */
    @Test
    void while_the_database_hangs_admin_calls_fail_within_the_store_timeout_and_decisions_go_on() throws Exception {
        Duration timeout = Duration.ofSeconds(2);
        RuleSets replica = startedWithTimeout(timeout, Duration.ofHours(1), "hang");
        String shipped = replica.active().orElseThrow().info().sha256();
        try {
            TestPostgres.shared().freeze();
            try {
                assertThat(replica.active().orElseThrow().engine().decide(org.safeguarding.rules.api.Incident.builder()
                        .immediateDanger(org.safeguarding.rules.api.Answer.YES).build()).actionCodes().get(0))
                        .isEqualTo(org.safeguarding.rules.api.ActionCode.CALL_999);
                java.util.Map<String, org.assertj.core.api.ThrowableAssert.ThrowingCallable> adminCalls = new java.util.LinkedHashMap<>();
                adminCalls.put("list", replica::list);
                adminCalls.put("read a version", () -> replica.version(shipped));
                adminCalls.put("activate", () -> replica.activate(shipped, true, "Lead"));
                adminCalls.put("roll back", () -> replica.rollback("Lead"));
                adminCalls.put("read the audit trail", () -> replica.audit(0, 10));
                for (var call : adminCalls.entrySet()) {
                    long started = System.nanoTime();
                    org.assertj.core.api.Assertions.assertThatThrownBy(call.getValue()).as(call.getKey()).isInstanceOf(java.io.IOException.class);
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    System.out.printf("%s failed in %d ms with the database hanging (timeout %d ms)%n", call.getKey(), millis, timeout.toMillis());
                    assertThat(millis).as(call.getKey() + " fails within the timeout, with a second for the call itself")
                            .isLessThan(timeout.toMillis() + 1_000);
                }
                // Two leads at once: neither waits for the other's hung call (no lock is held across a store call).
                java.util.concurrent.ExecutorService leads = java.util.concurrent.Executors.newFixedThreadPool(2);
                try {
                    List<java.util.concurrent.Future<Long>> timings = new java.util.ArrayList<>();
                    for (String call : List.of("activate", "roll back")) {
                        timings.add(leads.submit(() -> {
                            long started = System.nanoTime();
                            org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
                                if (call.equals("activate")) {
                                    replica.activate(shipped, true, "Lead");
                                } else {
                                    replica.rollback("Lead", true);
                                }
                            }).isInstanceOf(java.io.IOException.class);
                            return (System.nanoTime() - started) / 1_000_000;
                        }));
                    }
                    for (var timing : timings) {
                        long millis = timing.get();
                        System.out.printf("at once: failed in %d ms with the database hanging%n", millis);
                        assertThat(millis).as("a change made beside another").isLessThan(timeout.toMillis() + 1_000);
                    }
                } finally {
                    leads.shutdownNow();
                }
            } finally {
                TestPostgres.shared().thaw();
            }
            assertThat(replica.list()).isNotEmpty();
        } finally {
            replica.stop(null);
        }
    }

    /**
     * Issue 28: the database stopped while an activation is on its way, at several moments. The
     * activation either happens whole or fails as the store being unreachable, within the timeout;
     * decisions never stop; and once the database is back the replica serves what the pointer says.
     */
    @Test
    void the_database_killed_mid_activation_leaves_pointer_and_replica_agreeing() throws Exception {
        Duration timeout = Duration.ofSeconds(2);
        RuleSets replica = startedWithTimeout(timeout, Duration.ofMillis(200), "kill");
        try {
            String shipped = replica.active().orElseThrow().info().sha256();
            StoredVersion edited = replica.upload(List.of(new Workbook(EditedWorkbook.NAME,
                    EditedWorkbook.ofShipped().set(TableTemplate.CONTACTS_SHEET, "B5", "0300 555 0177").bytes())), "Lead");
            for (long delay : new long[] {0, 50, 150, 400, 1_000}) {
                String target = replica.active().orElseThrow().info().sha256().equals(shipped) ? edited.sha256() : shipped;
                java.util.concurrent.atomic.AtomicReference<Object> outcome = new java.util.concurrent.atomic.AtomicReference<>();
                Thread activation = new Thread(() -> {
                    try {
                        outcome.set(replica.activate(target, true, "Lead"));
                    } catch (Exception e) {
                        outcome.set(e);
                    }
                });
                long started = System.nanoTime();
                activation.start();
                Thread.sleep(delay);
                TestPostgres.shared().stop();
                try {
                    activation.join();
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    assertThat(outcome.get()).as("activation with the database stopped after %d ms", delay)
                            .satisfiesAnyOf(o -> assertThat(o).isInstanceOf(StoredVersion.class), o -> assertThat(o).isInstanceOf(java.io.IOException.class));
                    assertThat(millis).as("the activation ends within the timeout").isLessThan(timeout.toMillis() + 1_000);
                    assertThat(replica.active().orElseThrow().engine().decide(org.safeguarding.rules.api.Incident.builder()
                            .immediateDanger(org.safeguarding.rules.api.Answer.YES).build()).actionCodes().get(0))
                            .isEqualTo(org.safeguarding.rules.api.ActionCode.CALL_999);
                    System.out.printf("database stopped %d ms into an activation: %s in %d ms%n", delay,
                            outcome.get() instanceof StoredVersion ? "activated" : "refused (" + outcome.get().getClass().getSimpleName() + ")", millis);
                } finally {
                    TestPostgres.shared().restart();
                }
                String pointer = replica.pointer().orElseThrow().active();
                assertThat(pointer).as("the pointer names one of the two").isIn(shipped, edited.sha256());
                if (outcome.get() instanceof StoredVersion) {
                    assertThat(pointer).as("an activation reported done is in the store").isEqualTo(target);
                }
                org.safeguarding.rules.testing.Eventually.within("the replica serving what the pointer says",
                        () -> replica.active().orElseThrow().info().sha256().equals(pointer));
            }
        } finally {
            replica.stop(null);
        }
    }

    /** A replica on a new database of the shared server, with the store's timeout given, started. */
    private RuleSets startedWithTimeout(Duration timeout, Duration pollInterval, String cacheName) throws Exception {
        RuleSets replica = new RuleSets(StoreChoice.postgres(TestPostgres.shared().newDatabase(), "postgres", null, timeout,
                java.nio.file.Files.createTempDirectory(cache, cacheName)), java.util.Optional.empty(), pollInterval, 20, swapped -> { });
        replica.start(null);
        return replica;
    }
}
