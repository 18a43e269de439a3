package org.safeguarding.rules.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition instead of sleeping a fixed time: on two busy cores a replica may take
 * seconds to follow, and a test should fail for a replica that never follows, not a slow one.
 * Returns how long it took, for the test to print (timings belong in docs/performance.md).
 */
public final class Eventually {
    /** Generous: what a loaded CI machine may need, far below any hang. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private Eventually() {
    }

    /** @return the milliseconds it took, or throws naming what never happened */
    public static long within(Duration patience, String what, BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + patience.toSeconds() + " s");
            }
            Thread.sleep(10);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    public static long within(String what, BooleanSupplier condition) throws InterruptedException {
        return within(PATIENCE, what, condition);
    }
}
