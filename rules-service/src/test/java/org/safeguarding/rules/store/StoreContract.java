package org.safeguarding.rules.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.safeguarding.rules.api.Workbook;

/** What every rule set store must do, run against the file store and against PostgreSQL. */
abstract class StoreContract {
    static final String A = "a".repeat(64);
    static final String B = "b".repeat(64);
    static final String C = "c".repeat(64);

    /** A new, empty store. */
    abstract RuleSetStore newStore() throws Exception;

    /** A second handle on the same store, as another replica (or a restart) has. */
    abstract RuleSetStore sameStore() throws Exception;

    static ObjectNode report(String marker) {
        return JsonNodeFactory.instance.objectNode().put("passed", true).put("marker", marker);
    }

    static StoredVersion save(RuleSetStore store, String sha, boolean passed, Instant at) throws Exception {
        return store.save(sha, passed ? List.of(new Workbook("rules.drl.xlsx", sha.getBytes()), new Workbook("../x/scenarios.xlsx", new byte[] {1, 2}))
                : List.of(), "Ms Patel, DSL", at, passed, report(sha), "note " + sha.charAt(0));
    }

    @Test
    void a_version_is_stored_byte_for_byte_and_never_changes() throws Exception {
        RuleSetStore store = newStore();
        Instant at = Instant.parse("2026-11-26T09:00:00Z");
        StoredVersion saved = save(store, A, true, at);
        assertThat(saved).isEqualTo(new StoredVersion(A, "Ms Patel, DSL", at, true, report(A), "note a"));
        store.save(A, List.of(new Workbook("other.xlsx", new byte[] {9})), "Someone else", Instant.now(), false, report("x"), "changed?");
        RuleSetStore other = sameStore();
        assertThat(other.read(A)).contains(saved);
        assertThat(other.workbooks(A)).extracting(Workbook::name).containsExactly("rules.drl.xlsx", "scenarios.xlsx");
        assertThat(other.workbooks(A).get(0).bytes()).isEqualTo(A.getBytes());
        assertThat(other.read(B)).isEmpty();
        assertThat(other.read("../../etc/passwd")).isEmpty();
    }

    @Test
    void the_pointer_is_replaced_whole_and_seen_by_every_replica() throws Exception {
        RuleSetStore store = newStore();
        assertThat(store.pointer()).isEmpty();
        save(store, A, true, Instant.now());
        save(store, B, true, Instant.now());
        store.setPointer(new RuleSetStore.Pointer(A, List.of()));
        store.setPointer(new RuleSetStore.Pointer(B, List.of(A)));
        assertThat(sameStore().pointer()).contains(new RuleSetStore.Pointer(B, List.of(A)));
    }

    @Test
    void the_audit_trail_is_newest_first_a_page_at_a_time() throws Exception {
        RuleSetStore store = newStore();
        Instant start = Instant.parse("2026-11-26T09:00:00Z");
        for (int i = 0; i < 5; i++) {
            store.audit(new AuditEntry(start.plusSeconds(i), i % 2 == 0 ? "upload" : "activate", A, "lead" + i, "entry " + i));
        }
        RuleSetStore other = sameStore();
        assertThat(other.audit(0, 2)).extracting(AuditEntry::detail).containsExactly("entry 4", "entry 3");
        assertThat(other.audit(2, 10)).extracting(AuditEntry::detail).containsExactly("entry 2", "entry 1", "entry 0");
        assertThat(other.audit(0, 1).get(0)).isEqualTo(new AuditEntry(start.plusSeconds(4), "upload", A, "lead4", "entry 4"));
    }

    @Test
    void an_index_is_kept_with_its_version_and_replaced_whole() throws Exception {
        RuleSetStore store = newStore();
        save(store, A, true, Instant.now());
        assertThat(store.index(A)).isEmpty();
        store.saveIndex(A, new byte[] {1, 2, 3});
        store.saveIndex(A, new byte[] {4, 5});
        assertThat(sameStore().index(A)).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(4, 5));
    }

    @Test
    void versions_are_listed_newest_first_and_only_old_failed_ones_are_pruned() throws Exception {
        RuleSetStore store = newStore();
        Instant start = Instant.parse("2026-11-26T09:00:00Z");
        save(store, A, true, start);
        save(store, B, false, start.plusSeconds(1));
        save(store, C, false, start.plusSeconds(2));
        assertThat(store.list()).extracting(StoredVersion::sha256).containsExactly(C, B, A);
        store.pruneFailed(1);
        assertThat(sameStore().list()).extracting(StoredVersion::sha256).containsExactly(C, A);
    }

    @Test
    void an_activation_moves_the_pointer_and_is_in_the_audit_trail_together() throws Exception {
        RuleSetStore store = newStore();
        save(store, A, true, Instant.now());
        AuditEntry why = new AuditEntry(Instant.parse("2026-11-26T10:00:00Z"), "activate", A, "lead", "");
        store.setPointer(new RuleSetStore.Pointer(A, List.of()), why);
        RuleSetStore other = sameStore();
        assertThat(other.pointer()).contains(new RuleSetStore.Pointer(A, List.of()));
        assertThat(other.audit(0, 10)).containsExactly(why);
    }

    private static AuditEntry why(String detail) {
        return new AuditEntry(Instant.parse("2026-11-26T10:00:00Z"), "activate", A, "lead", detail);
    }

    /** Issue 28: the pointer is compared and set in one step, so a change made meanwhile is never overwritten unseen. */
    @Test
    void the_pointer_changes_only_from_the_version_expected_and_only_the_winner_is_audited() throws Exception {
        RuleSetStore store = newStore();
        save(store, A, true, Instant.now());
        save(store, B, true, Instant.now());
        assertThat(store.setPointerIf(null, new RuleSetStore.Pointer(A, List.of()), why("first"))).isTrue();
        assertThat(store.setPointerIf(null, new RuleSetStore.Pointer(B, List.of()), why("lost: a pointer exists"))).isFalse();
        assertThat(store.setPointerIf(B, new RuleSetStore.Pointer(B, List.of(A)), why("lost: A is active"))).isFalse();
        RuleSetStore other = sameStore();
        assertThat(other.pointer()).contains(new RuleSetStore.Pointer(A, List.of()));
        assertThat(other.setPointerIf(A, new RuleSetStore.Pointer(B, List.of(A)), why("won"))).isTrue();
        assertThat(store.pointer()).contains(new RuleSetStore.Pointer(B, List.of(A)));
        assertThat(store.audit(0, 10)).extracting(AuditEntry::detail).containsExactly("won", "first");
    }

    @Test
    void of_changes_made_at_once_from_the_same_pointer_exactly_one_wins() throws Exception {
        RuleSetStore store = newStore();
        save(store, A, true, Instant.now());
        store.setPointer(new RuleSetStore.Pointer(A, List.of()));
        List<RuleSetStore> replicas = List.of(store, sameStore(), sameStore(), sameStore());
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(replicas.size());
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Boolean>> won = new java.util.ArrayList<>();
            for (int i = 0; i < replicas.size(); i++) {
                RuleSetStore replica = replicas.get(i);
                String sha = Character.toString('0' + i).repeat(64);
                won.add(threads.submit(() -> {
                    go.await();
                    return replica.setPointerIf(A, new RuleSetStore.Pointer(sha, List.of(A)), why("replica " + sha.charAt(0)));
                }));
            }
            go.countDown();
            int winners = 0;
            for (var future : won) {
                winners += future.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(store.audit(0, 10)).hasSize(1);
            assertThat(store.pointer().orElseThrow().previous()).containsExactly(A);
        } finally {
            threads.shutdownNow();
        }
    }
}
