package org.safeguarding.rules.web;

import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many uploads are checked at once. Checking proves the tables over every combination of
 * facts and takes a core for seconds; decisions share those cores, so uploads beyond the limit
 * are turned away (503 with Retry-After) rather than queued behind each other.
 */
@ApplicationScoped
public class UploadChecks {
    static final int RETRY_AFTER_SECONDS = 10;
    private final Semaphore permits;

    public UploadChecks(@ConfigProperty(name = "safeguarding.upload.max-concurrent-checks", defaultValue = "1") int limit) {
        this.permits = new Semaphore(Math.max(1, limit));
    }

    boolean tryStart() {
        return permits.tryAcquire();
    }

    void finish() {
        permits.release();
    }
}
