package org.safeguarding.rules.web;

import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

/**
 * A ceiling on the request bodies the service holds at once: each request reserves its declared
 * length before a byte of its body is read and gives it back when its response ends or its
 * connection closes. Without it, thousands of callers each holding an unfinished body exhaust the
 * heap, whatever each body's own limit (issue 24: 3,000 stalled 64 KiB decisions). Refusals are
 * logged as what they are, at most once per {@link #LOG_EVERY_MILLIS}, with how many there were.
 */
final class BodyBudget {
    private static final Logger LOG = Logger.getLogger(BodyBudget.class);
    private static final long LOG_EVERY_MILLIS = 10_000;

    private final long ceiling;
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong refusedSinceLog = new AtomicLong();
    private volatile long nextLog;

    BodyBudget(long ceiling) {
        this.ceiling = ceiling;
    }

    /** Reserves {@code bytes}, or refuses when the bodies held already would pass the ceiling. */
    boolean reserve(long bytes) {
        long now = held.addAndGet(bytes);
        if (now <= ceiling) {
            return true;
        }
        held.addAndGet(-bytes);
        refused();
        return false;
    }

    void release(long bytes) {
        held.addAndGet(-bytes);
    }

    long held() {
        return held.get();
    }

    long ceiling() {
        return ceiling;
    }

    private void refused() {
        refusedSinceLog.incrementAndGet();
        long now = System.currentTimeMillis();
        if (now >= nextLog) {
            nextLog = now + LOG_EVERY_MILLIS;
            LOG.warnf("Request bodies held in memory reached the ceiling (safeguarding.http.max-body-bytes-in-flight = %d bytes): "
                    + "%d request(s) refused with 503 since the last message. Many callers are sending bodies at once, or slowly.",
                    ceiling, refusedSinceLog.getAndSet(0));
        }
    }
}
