package org.safeguarding.rules.web;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.safeguarding.rules.rulesets.RuleSets;
import org.safeguarding.rules.store.StoredVersion;
import org.safeguarding.rules.api.Workbook;

/**
 * For operators who deploy tables as files (e.g. a mounted volume): when the workbooks in
 * {@code safeguarding.watch.path} change, they go through the same checks as an upload and are
 * activated if they pass. If they fail, the service keeps the version it has and says why in
 * {@code /api/v1/ruleset} and the readiness check's data.
 */
@ApplicationScoped
public class FolderWatch {
    /** Who the audit trail names for a deploy by file. */

    private static final Logger LOG = Logger.getLogger(FolderWatch.class);

    /** What the last look at the folder found. */
    public record Status(Path folder, Instant checkedAt, String sha256, boolean activated, String reason) {
    }

    private final Optional<Path> folder;
    private final Duration interval;
    private final RuleSets ruleSets;
    private final AtomicReference<Status> status = new AtomicReference<>();
    private ScheduledExecutorService executor;
    private String lastSeen = "";

    public FolderWatch(@ConfigProperty(name = "safeguarding.watch.path") Optional<Path> folder,
                       @ConfigProperty(name = "safeguarding.watch.interval", defaultValue = "5s") Duration interval,
                       RuleSets ruleSets) {
        this.folder = folder;
        this.interval = interval;
        this.ruleSets = ruleSets;
    }

    void start(@Observes @Priority(3000) StartupEvent event) { // after RuleSets has its active version
        if (folder.isEmpty()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "rule-set-folder-watch");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::look, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.infof("Watching %s for rule set changes every %s", folder.get(), interval);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    public Optional<Status> status() {
        return Optional.ofNullable(status.get());
    }

    /** One look at the folder; unchanged workbooks are not checked again. */
    void look() {
        Path path = folder.orElseThrow();
        try {
            List<Workbook> workbooks = Workbook.load(path);
            String sha = fingerprint(workbooks);
            if (workbooks.isEmpty() || sha.equals(lastSeen)) {
                return;
            }
            lastSeen = sha;
            StoredVersion version = ruleSets.upload(workbooks, RuleSets.FOLDER_WATCH);
            if (version.passed()) {
                ruleSets.activate(version.sha256(), true, RuleSets.FOLDER_WATCH); // the operator chose these files: there is no lead to ask
                status.set(new Status(path, Instant.now(), version.sha256(), true, ""));
                LOG.infof("Folder watch: rule set %s passed its checks and is active", version.sha256().substring(0, 12));
            } else {
                status.set(new Status(path, Instant.now(), version.sha256(), false, reason(version)));
                LOG.warnf("Folder watch: rule set %s failed its checks; keeping the active version", version.sha256().substring(0, 12));
            }
        } catch (Exception e) {
            status.set(new Status(path, Instant.now(), "", false, "the folder could not be read"));
            LOG.warnf("Folder watch: %s could not be read (%s)", path, e.getClass().getSimpleName());
        }
    }

    /** The first problem or finding of a failed version's report, in the lead's words. */
    private static String reason(StoredVersion version) {
        var report = version.report();
        if (report.path("problems").size() > 0) {
            var p = report.path("problems").get(0);
            return p.path("workbook").asText() + ", sheet '" + p.path("sheet").asText() + "', " + p.path("cell").asText() + ": "
                    + p.path("message").asText();
        }
        if (report.path("safety").path("findings").size() > 0) {
            var f = report.path("safety").path("findings").get(0);
            return "safety property " + f.path("property").asText() + " fails: " + f.path("message").asText();
        }
        return report.path("scenarios").path("failed").asInt() + " scenario(s) fail";
    }

    private static String fingerprint(List<Workbook> workbooks) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (Workbook workbook : workbooks.stream().sorted(Comparator.comparing(Workbook::name)).toList()) {
            digest.update(workbook.name().getBytes());
            digest.update(workbook.bytes());
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }
}
