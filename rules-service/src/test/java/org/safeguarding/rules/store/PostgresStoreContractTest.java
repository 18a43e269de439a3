package org.safeguarding.rules.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The store contract on a real PostgreSQL, and what only it does: tell every replica at once that the pointer moved. */
class PostgresStoreContractTest extends StoreContract {
    private String url;


    @Override
    RuleSetStore newStore() throws Exception {
        url = TestPostgres.shared().newDatabase();
        return PostgresRuleSetStore.unpooled(url, "postgres", null, PostgresRuleSetStore.DEFAULT_TIMEOUT);
    }

    @Override
    RuleSetStore sameStore() {
        return PostgresRuleSetStore.unpooled(url, "postgres", null, PostgresRuleSetStore.DEFAULT_TIMEOUT);
    }

    @Test
    void a_pointer_change_reaches_a_listening_replica() throws Exception {
        RuleSetStore writer = newStore();
        save(writer, A, true, Instant.now());
        try (RuleSetStore replica = sameStore()) {
            CountDownLatch heard = new CountDownLatch(1);
            replica.onPointerChange(heard::countDown);
            // The listener connects in the background: a change made before it listens is not heard, so the
            // pointer is set again until one is (no fixed sleep, which a busy machine can outlast).
            long millis = org.safeguarding.rules.testing.Eventually.within("the other replica hearing a pointer change", () -> {
                try {
                    writer.setPointer(new RuleSetStore.Pointer(A, List.of()));
                    return heard.await(200, TimeUnit.MILLISECONDS);
                } catch (java.io.IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            System.out.printf("pointer change heard by the other replica (listener connected and notified) in %d ms%n", millis);
        }
    }

    @Test
    void a_database_lost_and_back_fails_calls_clearly_then_serves_again() throws Exception {
        RuleSetStore store = newStore();
        save(store, A, true, Instant.now());
        TestPostgres.shared().stop();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(store::list).isInstanceOf(java.io.IOException.class)
                    .hasMessageContaining("could not list the versions");
        } finally {
            TestPostgres.shared().restart();
        }
        assertThat(store.read(A)).isPresent();
    }
}
