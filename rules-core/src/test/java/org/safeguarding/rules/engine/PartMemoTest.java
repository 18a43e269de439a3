package org.safeguarding.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The memo of assembled parts: what was put is found by its mask, nothing else is, and it stops at its bound. */
class PartMemoTest {
    @Test
    void finds_each_part_by_its_mask_and_nothing_for_another() {
        PartMemo<String> memo = new PartMemo<>(100);
        for (long mask = 0; mask < 100; mask++) {
            memo.put(mask << 40 | mask, "part " + mask); // keys that differ only in high bits too
        }
        for (long mask = 0; mask < 100; mask++) {
            assertThat(memo.get(mask << 40 | mask)).isEqualTo("part " + mask);
            assertThat(memo.get(mask << 40 | (mask + 1000))).isNull();
        }
    }

    @Test
    void the_first_part_for_a_mask_stays_and_the_bound_holds() {
        PartMemo<String> memo = new PartMemo<>(10);
        memo.put(7, "first");
        memo.put(7, "second");
        assertThat(memo.get(7)).isEqualTo("first");
        for (long mask = 100; mask < 200; mask++) {
            memo.put(mask, "part " + mask);
        }
        int remembered = 0;
        for (long mask = 100; mask < 200; mask++) {
            remembered += memo.get(mask) == null ? 0 : 1;
        }
        assertThat(remembered).isEqualTo(9);
    }

    @Test
    void readers_never_see_a_wrong_part_while_writers_add() throws Exception {
        PartMemo<Long> memo = new PartMemo<>(4096);
        AtomicInteger wrong = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            long offset = t;
            threads.add(new Thread(() -> {
                for (long i = 0; i < 200_000; i++) {
                    long mask = (i * 4 + offset) % 5_000;
                    Long part = memo.get(mask);
                    if (part == null) {
                        memo.put(mask, mask);
                    } else if (part != mask) {
                        wrong.incrementAndGet();
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(wrong).hasValue(0);
    }
}
