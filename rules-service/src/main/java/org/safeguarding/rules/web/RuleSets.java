package org.safeguarding.rules.web;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.safeguarding.rules.api.RuleSet;
import org.safeguarding.rules.json.tree.ReviewJson;
import org.safeguarding.rules.api.Scenario;
import org.safeguarding.rules.store.FileRuleSetStore;
import org.safeguarding.rules.store.PostgresRuleSetStore;
import org.safeguarding.rules.store.RuleSetStore;
import org.safeguarding.rules.store.StoredVersion;
import org.safeguarding.rules.api.Workbook;

/**
 * The rule sets the service knows: the active one, candidates uploaded by leads, and their
 * history, kept in the {@link RuleSetStore}. Only a version that passed every check can be
 * activated; activation persists the pointer first and then swaps the active rule set in one
 * step, so every decision uses exactly one version and a restart comes back on the same one.
 */
@ApplicationScoped
public class RuleSets {
    private static final Logger LOG = Logger.getLogger(RuleSets.class);
    static final int MAX_STORED_PROBLEMS = 200;

    /** Stored versions whose saved proof came from another build of the product, proven again since this start. */
    private final java.util.concurrent.atomic.AtomicInteger reprovenAfterUpgrade = new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicReference<ActiveRuleSet> active = new AtomicReference<>();
    /**
     * Rule sets loaded since start, most recently used last. Bounded: each holds its index (about
     * 15 MB) and, when just built, its Drools rules; one that is evicted loads again from its
     * saved index in milliseconds. The active one is also held by {@link #active}.
     */
    private final Map<String, RuleSet> compiled = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RuleSet> eldest) {
            return size() > MAX_LOADED;
        }
    });
    static final int MAX_LOADED = 3;
    private final Object changes = new Object();
    private final Optional<Path> initialTables;
    private final Path storePath;
    /** URL, user and password of the PostgreSQL store, when configured; otherwise the file store at storePath. */
    private final Optional<String[]> jdbc;
    private final java.time.Duration pollInterval;
    private final DecisionMetrics metrics;
    private final int maxFailedVersions;
    private final AtomicReference<Lag> lag = new AtomicReference<>();
    private final AtomicReference<String> storeProblem = new AtomicReference<>();
    /** The local copy of the active version, on PostgreSQL only; opened when first needed. */
    private FileRuleSetStore cache;
    /** Set once opened; {@code null} while a database that was down at start is still being retried. */
    private volatile RuleSetStore store;
    private java.util.concurrent.ScheduledExecutorService follower;

    @jakarta.inject.Inject
    public RuleSets(@ConfigProperty(name = "safeguarding.tables.path") Optional<Path> initialTables,
                    @ConfigProperty(name = "safeguarding.store.path", defaultValue = "rule-store") Path storePath,
                    @ConfigProperty(name = "safeguarding.store.jdbc-url") Optional<String> jdbcUrl,
                    @ConfigProperty(name = "safeguarding.store.jdbc-user") Optional<String> jdbcUser,
                    @ConfigProperty(name = "safeguarding.store.jdbc-password") Optional<String> jdbcPassword,
                    @ConfigProperty(name = "safeguarding.store.poll-interval", defaultValue = "2s") java.time.Duration pollInterval,
                    @ConfigProperty(name = "safeguarding.store.max-failed-versions", defaultValue = "20") int maxFailedVersions,
                    DecisionMetrics metrics) {
        this.maxFailedVersions = maxFailedVersions;
        this.initialTables = initialTables;
        this.storePath = storePath;
        this.jdbc = jdbcUrl.map(url -> new String[] {url, jdbcUser.orElse(null), jdbcPassword.orElse(null)});
        this.pollInterval = pollInterval;
        this.metrics = metrics;
    }

    /** On the file store at {@code storePath}: for tests and embedding. */
    RuleSets(Optional<Path> initialTables, Path storePath, java.time.Duration pollInterval, int maxFailedVersions, DecisionMetrics metrics) {
        this(initialTables, storePath, Optional.empty(), Optional.empty(), Optional.empty(), pollInterval, maxFailedVersions, metrics);
    }

    /** On PostgreSQL: for tests. */
    static RuleSets onPostgres(String url, String user, Path cache, java.time.Duration pollInterval, DecisionMetrics metrics) {
        return new RuleSets(Optional.empty(), cache, Optional.of(url), Optional.ofNullable(user), Optional.empty(), pollInterval, 20, metrics);
    }

    /** A version the store says is active but this replica could not load; it keeps serving its own. */
    public record Lag(String wanted, Instant since, String reason) {
    }

    /** Why an operation was refused, in words for the lead; {@code status} is the HTTP status. */
    public static final class Refused extends Exception {
        private final int status;
        private final boolean needsConfirmation;

        Refused(int status, String message) {
            this(status, message, false);
        }

        private Refused(int status, String message, boolean needsConfirmation) {
            super(message);
            this.status = status;
            this.needsConfirmation = needsConfirmation;
        }

        /** Refused until the caller says it has read the changes marked for checking against the live version. */
        static Refused needsConfirmation(String message) {
            return new Refused(409, message, true);
        }

        public int status() {
            return status;
        }

        public boolean needsConfirmation() {
            return needsConfirmation;
        }
    }

    void start(@Observes StartupEvent event) throws IOException {
        follower = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "rule-set-pointer-follower");
            thread.setDaemon(true);
            return thread;
        });
        if (jdbc.isEmpty()) {
            open(); // a folder that cannot be opened is the operator's to fix before the service runs
            return;
        }
        tryOpen();
    }

    /**
     * The database may be down when a replica starts: the replica then reports not-ready, with
     * the reason, and tries again every poll interval until it can load the active version.
     */
    private void tryOpen() {
        try {
            open();
            storeProblem.set(null);
        } catch (IOException | RuntimeException e) {
            storeProblem.set("the rule set store (PostgreSQL) cannot be reached (" + e.getClass().getSimpleName() + "); retrying every "
                    + pollInterval.toMillis() + " ms");
            LOG.warnf("The rule set store cannot be reached at start (%s); not ready, retrying", e.getClass().getSimpleName());
            serveCached();
            active().ifPresent(a -> storeProblem.set(storeProblem.get() + "; serving the cached version " + a.info().version()));
            if (store != null) {
                store.close();
                store = null;
            }
            follower.schedule(this::tryOpen, pollInterval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /** The store, once opened: until then (a database down at start) calls fail as the store being unreachable does. */
    private RuleSetStore store() throws IOException {
        RuleSetStore current = store;
        if (current == null) {
            throw new IOException("the rule set store is not reachable yet");
        }
        return current;
    }

    /**
     * On PostgreSQL, the active version is also kept in a local folder ({@code safeguarding.store.path}/cache):
     * a replica that starts while the database is down serves it, not ready, until the database answers.
     */
    private synchronized Optional<FileRuleSetStore> cache() {
        if (cache == null && jdbc.isPresent()) {
            cache = new FileRuleSetStore(storePath.resolve("cache"));
        }
        return Optional.ofNullable(cache);
    }

    private void cacheActive(RuleSet ruleSet) {
        if (jdbc.isEmpty()) {
            return;
        }
        try {
            Optional<FileRuleSetStore> cache = cache();
            String sha = ruleSet.version().sha256();
            cache.get().save(sha, ruleSet.workbooks(), "cache", Instant.now(), true, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                    .objectNode(), "");
            cache.get().saveIndex(sha, ruleSet.toIndex());
            cache.get().setPointer(new RuleSetStore.Pointer(sha, List.of()));
        } catch (IOException | RuntimeException e) {
            // Only a cache: without it a replica that starts while the database is down waits for it.
            LOG.warnf("Could not keep a local copy of the active rule set: %s", e.getClass().getSimpleName());
        }
    }

    /** The cached active version, served (not ready) while the database cannot be reached at start. */
    private void serveCached() {
        try {
            Optional<FileRuleSetStore> cache = cache();
            Optional<RuleSetStore.Pointer> pointer = cache.isPresent() ? cache.get().pointer() : Optional.empty();
            if (pointer.isEmpty() || active.get() != null) {
                return;
            }
            String sha = pointer.get().active();
            List<Workbook> workbooks = cache.get().workbooks(sha);
            Optional<RuleSet> cached = cache.get().index(sha).flatMap(index -> RuleSet.fromIndex(index, workbooks));
            if (cached.isPresent()) {
                active.set(ActiveRuleSet.of(cached.get()));
                LOG.warnf("Serving the cached rule set %s until the store can be reached", sha.substring(0, 12));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("No cached rule set to serve: %s", e.getClass().getSimpleName());
        }
    }

    /** Why this replica has no rule set yet, when the store could not be reached; empty otherwise. */
    public Optional<String> storeProblem() {
        return Optional.ofNullable(storeProblem.get());
    }

    private void open() throws IOException {
        long start = System.nanoTime();
        RuleSetStore opened = jdbc.<RuleSetStore>map(c -> new PostgresRuleSetStore(c[0], c[1], c[2])).orElseGet(() -> new FileRuleSetStore(storePath));
        store = opened;
        Optional<RuleSetStore.Pointer> pointer = opened.pointer();
        if (pointer.isPresent()) {
            String wanted = pointer.get().active();
            try {
                swap(compile(wanted));
            } catch (IllegalStateException e) {
                // The active version passed the checks of the product that activated it, but not this
                // one's (a new safety property, a new column). A service that does not start leaves every
                // child without advice: serve the tables it was started with, which pass, and say why.
                swap(compile(startingTables().sha256()));
                lag.set(new Lag(wanted, Instant.now(), "the active version no longer passes this version's checks; serving the tables "
                        + "the service started with until a lead activates a version that passes"));
                audit("fallback", active.get().info().sha256(), "service", "active version " + wanted.substring(0, 12)
                        + " no longer passes this version's checks");
                LOG.warnf("Rule set %s no longer passes this version's checks: serving rule set %s instead", wanted.substring(0, 12),
                        active.get().info().version());
            }
        } else {
            StoredVersion first = startingTables();
            opened.setPointer(new RuleSetStore.Pointer(first.sha256(), List.of()));
            swap(compile(first.sha256()));
        }
        LOG.infof("Rule set %s active (store: %s), ready in %d ms", active.get().info().version(), opened.describe(),
                (System.nanoTime() - start) / 1_000_000);
        follower.scheduleWithFixedDelay(this::followPointer, pollInterval.toMillis(), pollInterval.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
        // Where the store says when the pointer changes (PostgreSQL), follow at once; the poll stays as the fallback.
        opened.onPointerChange(() -> follower.execute(this::followPointer));
    }

    void stop(@Observes io.quarkus.runtime.ShutdownEvent event) {
        if (follower != null) {
            follower.shutdownNow();
        }
        if (store != null) {
            store.close();
        }
    }

    /**
     * Replicas share one store: a version activated (or rolled back to) by any replica is picked
     * up here by reading the active pointer. A version that cannot be loaded is recorded as a lag;
     * this replica keeps serving the version it has.
     */
    void followPointer() {
        synchronized (changes) {
            String wanted = null;
            try {
                Optional<RuleSetStore.Pointer> pointer = store().pointer();
                ActiveRuleSet current = active.get();
                if (pointer.isEmpty() || (current != null && current.info().sha256().equals(pointer.get().active()))) {
                    lag.set(null);
                    return;
                }
                wanted = pointer.get().active();
                Lag previous = lag.get();
                if (previous != null && previous.wanted().equals(wanted)) {
                    return; // already failed to load this one; wait for the pointer to move
                }
                swap(compile(wanted));
                lag.set(null);
                LOG.infof("Rule set %s active: followed the store's pointer", wanted.substring(0, 12));
            } catch (Exception | LinkageError e) {
                if (wanted != null) {
                    lag.set(new Lag(wanted, Instant.now(), "could not load it (" + e.getClass().getSimpleName()
                            + "); serving the previous version"));
                }
                LOG.warnf("Could not follow the store's pointer: %s", e.getClass().getSimpleName());
            }
        }
    }

    public Optional<Lag> lag() {
        return Optional.ofNullable(lag.get());
    }

    public Optional<ActiveRuleSet> active() {
        return Optional.ofNullable(active.get());
    }

    /**
     * Checks workbooks (template, compile, safety, scenarios, impact against the active version)
     * and stores them as a candidate with the report. Files whose name has {@code .drl.} are
     * the rule set; other {@code .xlsx} files are scenario workbooks run with the shipped one.
     */
    public StoredVersion upload(List<Workbook> files, String uploadedBy) throws IOException {
        return upload(files, uploadedBy, "", uploadedBy);
    }

    /**
     * {@link #upload(List, String)} with the uploader's note of what changed and why, kept with
     * the version, and the signed-in subject for the audit trail.
     */
    public StoredVersion upload(List<Workbook> files, String uploadedBy, String note, String subject) throws IOException {
        StoredVersion version = check(files, uploadedBy, note, Optional.empty());
        audit("upload", version.sha256(), subject, "by " + uploadedBy + ", " + (version.passed() ? "passed" : "failed")
                + (note.isEmpty() ? "" : ": " + note));
        return version;
    }

    /** The audit trail, newest first. */
    public List<org.safeguarding.rules.store.AuditEntry> audit(int offset, int limit) throws IOException {
        return store().audit(offset, limit);
    }

    /** Never stops what was done: the action stands, and the failure to record it is logged. */
    private void audit(String action, String sha256, String subject, String detail) {
        try {
            store().audit(new org.safeguarding.rules.store.AuditEntry(Instant.now(), action, sha256, subject, detail));
        } catch (IOException e) {
            LOG.errorf("Could not record %s of rule set %s in the audit trail: %s", action, sha256.substring(0, 12),
                    e.getClass().getSimpleName());
        }
    }

    /** {@link #upload}, or with the rule set already built and proven (the shipped tables at first start). */
    private StoredVersion check(List<Workbook> files, String uploadedBy, String note, Optional<RuleSet> proven) throws IOException {
        List<Workbook> workbooks = new ArrayList<>();
        List<Scenario> scenarios = new ArrayList<>(Scenario.bundled());
        List<org.safeguarding.rules.api.Problem> scenarioProblems = new ArrayList<>();
        for (Workbook file : files) {
            if (file.isRuleWorkbook()) {
                workbooks.add(file);
            } else {
                Scenario.Read read = Scenario.read(file);
                scenarios.addAll(read.scenarios());
                scenarioProblems.addAll(read.problems());
            }
        }
        RuleSet.Review outcome = proven.isPresent()
                ? proven.get().review(scenarios, active().map(ActiveRuleSet::ruleSet))
                : RuleSet.review(workbooks, scenarios, active().map(ActiveRuleSet::ruleSet));
        ObjectNode report = ReviewJson.toJson(outcome.report());
        boolean passed = outcome.report().passed() && scenarioProblems.isEmpty() && !workbooks.isEmpty();
        if (!scenarioProblems.isEmpty()) {
            report.withArray("problems").addAll(ReviewJson.problems(scenarioProblems));
            report.put("passed", false);
        }
        String sha = Workbook.sha256Of(workbooks);
        Optional<StoredVersion> existing = store().read(sha);
        if (existing.isPresent() && (existing.get().passed() != passed || !passed)) {
            // The same bytes are stored already, but this upload checks differently (e.g. under a refused
            // file name), or failed again (perhaps with other scenario files, or none at all): answer with
            // this upload's own report, never an earlier one, and leave the stored version as it is.
            LOG.infof("Rule set %s uploaded again: %s", sha.substring(0, 12), passed ? "passed" : "failed its checks");
            return new StoredVersion(sha, uploadedBy, Instant.now(), passed, report, note);
        }
        if (!passed) {
            capProblems(report);
        }
        // A failed version can never be activated: its report is kept for the lead, its files are not.
        StoredVersion stored = store().save(sha, passed ? files : List.of(), uploadedBy, Instant.now(), passed, report, note);
        if (!passed) {
            store().pruneFailed(maxFailedVersions);
        }
        if (stored.passed() && outcome.passed().isPresent()) {
            RuleSet ruleSet = outcome.passed().get();
            compiled.put(stored.sha256(), ruleSet);
            saveIndex(stored.sha256(), ruleSet);
        }
        LOG.infof("Rule set %s uploaded: %s", sha.substring(0, 12), passed ? "passed its checks" : "failed its checks");
        return stored;
    }

    /** A workbook can have thousands of broken cells: the stored report keeps the first ones and says how many more. */
    private static void capProblems(ObjectNode report) {
        com.fasterxml.jackson.databind.JsonNode problems = report.get("problems");
        if (problems instanceof com.fasterxml.jackson.databind.node.ArrayNode array && array.size() > MAX_STORED_PROBLEMS) {
            int more = array.size() - MAX_STORED_PROBLEMS;
            while (array.size() > MAX_STORED_PROBLEMS) {
                array.remove(array.size() - 1);
            }
            report.put("problemsNotShown", more);
        }
    }

    /**
     * Makes a version that passed its checks the active one. A version whose report says it
     * changes wording that keeps a child safe (or a contact that looks wrong) is activated only
     * once the lead confirms they have read those changes.
     */
    public StoredVersion activate(String sha256, boolean confirmed, String subject) throws IOException, Refused {
        synchronized (changes) {
            StoredVersion version = store().read(sha256).orElseThrow(() -> new Refused(404, "There is no rule set version with that SHA-256."));
            if (!version.passed()) {
                throw new Refused(409, "This version failed its checks and cannot be activated: see its report.");
            }
            ActiveRuleSet current = active.get();
            if (current != null && current.info().sha256().equals(sha256)) {
                return version;
            }
            if (!confirmed && needsConfirmationAgainstLive(sha256)) {
                throw Refused.needsConfirmation("Against the live version, this version changes wording that keeps a child safe, or a "
                        + "contact that looks wrong: see the changes marked for checking (GET /api/v1/rulesets/{sha256}/changes). "
                        + "Read them against the guidance, then activate it again saying you have (confirmed=true).");
            }
            RuleSet ruleSet = compile(sha256);
            List<String> previous = new ArrayList<>();
            store().pointer().ifPresent(p -> {
                previous.add(p.active());
                previous.addAll(p.previous());
            });
            store().setPointer(new RuleSetStore.Pointer(sha256, previous.subList(0, Math.min(previous.size(), 50))),
                    new org.safeguarding.rules.store.AuditEntry(Instant.now(), subject.equals(FolderWatch.SUBJECT) ? "folder-watch" : "activate",
                            sha256, subject, ""));
            swap(ruleSet);
            LOG.infof("Rule set %s activated", sha256.substring(0, 12));
            return version;
        }
    }

    /**
     * What making {@code sha256} live would change against the version live now, in the words of an
     * upload's report; empty when it is the live version or none is live. Activation, roll back and
     * undo are judged by this, never by the report of the upload, which compared with whatever was
     * live then.
     */
    public Optional<org.safeguarding.rules.api.ImpactReport> changesAgainstLive(String sha256) throws IOException, Refused {
        StoredVersion version = store().read(sha256).orElseThrow(() -> new Refused(404, "There is no rule set version with that SHA-256."));
        if (!version.passed()) {
            throw new Refused(409, "This version failed its checks and cannot be activated: see its report.");
        }
        ActiveRuleSet current = active.get();
        if (current == null || current.info().sha256().equals(sha256)) {
            return Optional.empty();
        }
        return Optional.of(compile(sha256).changesFrom(current.ruleSet()));
    }

    /** {@code changesAgainstLive(sha256)} needs the lead's confirmation: from the texts alone, so activating stays quick. */
    private boolean needsConfirmationAgainstLive(String sha256) throws IOException {
        ActiveRuleSet current = active.get();
        return current != null && !current.info().sha256().equals(sha256) && compile(sha256).needsConfirmationAfter(current.ruleSet());
    }

    /** The version a roll back would return to, if there is one. */
    public Optional<String> rollbackTarget() throws IOException {
        return store().pointer().flatMap(p -> p.previous().stream().findFirst());
    }

    /** Goes back to the version that was active before the current one. */
    public StoredVersion rollback(String subject) throws IOException, Refused {
        return rollback(subject, true);
    }

    /**
     * {@link #rollback(String)}, refused unless {@code confirmed} when going back changes wording
     * that keeps a child safe, or a contact that looks wrong, against the live version.
     */
    public StoredVersion rollback(String subject, boolean confirmed) throws IOException, Refused {
        synchronized (changes) {
            RuleSetStore.Pointer pointer = store().pointer().orElseThrow(() -> new Refused(409, "There is no rule set to roll back."));
            if (pointer.previous().isEmpty()) {
                throw new Refused(409, "There is no earlier version to roll back to.");
            }
            String target = pointer.previous().get(0);
            if (!confirmed && needsConfirmationAgainstLive(target)) {
                throw Refused.needsConfirmation("Going back changes wording that keeps a child safe, or a contact that looks wrong, against "
                        + "the live version: see the changes marked for checking (GET /api/v1/rulesets/" + target + "/changes). "
                        + "Read them, then roll back again saying you have (confirmed=true).");
            }
            RuleSet ruleSet = compile(target);
            store().setPointer(new RuleSetStore.Pointer(target, pointer.previous().subList(1, pointer.previous().size())),
                    new org.safeguarding.rules.store.AuditEntry(Instant.now(), "rollback", target, subject, "from " + pointer.active().substring(0, 12)));
            swap(ruleSet);
            LOG.infof("Rolled back to rule set %s", target.substring(0, 12));
            return store().read(target).orElseThrow();
        }
    }

    public List<StoredVersion> list() throws IOException {
        return store().list();
    }

    public Optional<StoredVersion> version(String sha256) throws IOException {
        return store().read(sha256);
    }

    /** A stored version's rule workbooks, as uploaded (names made safe); empty for a version that failed. */
    public List<Workbook> workbooks(String sha256) throws IOException {
        if (store().read(sha256).isEmpty()) {
            return List.of();
        }
        try {
            return store().workbooks(sha256).stream().filter(Workbook::isRuleWorkbook).toList();
        } catch (java.nio.file.NoSuchFileException e) {
            return List.of();
        }
    }

    /** How many stored versions were proven again since this start because another build had proven them (health shows it). */
    public int reprovenAfterUpgrade() {
        return reprovenAfterUpgrade.get();
    }

    public Optional<RuleSetStore.Pointer> pointer() throws IOException {
        return store().pointer();
    }

    private void swap(RuleSet ruleSet) {
        ActiveRuleSet next = ActiveRuleSet.of(ruleSet);
        active.set(next);
        cacheActive(ruleSet);
        metrics.recordRuleSet(next.info());
        if (!next.info().setupWarnings().isEmpty()) {
            // Cells and setting names only: these are the organisation's settings, not facts about a child.
            LOG.warnf("Rule set %s has %d local setting(s) still to make: %s", next.info().version(), next.info().setupWarnings().size(),
                    next.info().setupWarnings().stream().map(p -> p.sheet() + "!" + p.cell()).collect(java.util.stream.Collectors.joining(", ")));
        }
    }

    /**
     * A stored version's rules: from memory when loaded since start, else from the proven index
     * saved beside it (milliseconds), else built with Drools and proven again (seconds), and the
     * index saved for next time. An index that does not match the workbooks and this version of
     * the product is never used.
     */
    private RuleSet compile(String sha256) throws IOException {
        RuleSet cached = compiled.get(sha256);
        if (cached != null) {
            return cached;
        }
        List<Workbook> workbooks = store().workbooks(sha256).stream().filter(Workbook::isRuleWorkbook).toList();
        Optional<byte[]> index = store().index(sha256);
        Optional<RuleSet> saved = index.flatMap(bytes -> RuleSet.fromIndex(bytes, workbooks));
        RuleSet ruleSet;
        if (saved.isPresent()) {
            ruleSet = saved.get();
        } else {
            boolean upgrade = index.isPresent() && RuleSet.indexFromAnotherBuild(index.get());
            long started = System.nanoTime();
            RuleSet.Review outcome = RuleSet.review(workbooks, List.of(), Optional.empty());
            ruleSet = outcome.passed().orElseThrow(() -> new IllegalStateException(
                    "Stored rule set " + sha256.substring(0, 12) + " no longer passes its checks"));
            saveIndex(sha256, ruleSet);
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (upgrade) {
                reprovenAfterUpgrade.incrementAndGet();
                LOG.infof("Rule set %s was proven by another build of the product, so this build (%s) proved it again in %d ms; "
                        + "its index is saved for the next start", sha256.substring(0, 12), RuleSet.productBuild().substring(0, 12), millis);
            } else {
                LOG.infof("Rule set %s built and proven again in %d ms; its index is saved for the next start", sha256.substring(0, 12), millis);
            }
        }
        compiled.put(sha256, ruleSet);
        return ruleSet;
    }

    /**
     * Saves a version's proven index for the next start. Only when it was built from the files as
     * stored (an upload's names can differ): otherwise the next load builds and saves it.
     */
    private void saveIndex(String sha256, RuleSet proven) {
        try {
            List<String> stored = store().workbooks(sha256).stream().filter(Workbook::isRuleWorkbook).map(Workbook::name).toList();
            if (stored.equals(proven.workbooks().stream().map(Workbook::name).toList())) {
                store().saveIndex(sha256, proven.toIndex());
            }
        } catch (IOException | RuntimeException e) {
            // Only a cache: the version is stored and loads without it, more slowly.
            LOG.warnf("Could not save the index of rule set %s: %s", sha256.substring(0, 12), e.getClass().getSimpleName());
        }
    }

    /** The tables the service is started with (the shipped ones, or safeguarding.tables.path), checked and stored. */
    private StoredVersion startingTables() throws IOException {
        // The shipped tables were built and proven when the library was: only their scenarios run here.
        Optional<RuleSet> proven = initialTables.isPresent() ? Optional.empty() : Optional.of(RuleSet.bundled());
        StoredVersion first = check(initialWorkbooks(), initialTables.isPresent() ? "safeguarding.tables.path" : "bundled",
                "The tables the service started with.", proven);
        if (!first.passed()) {
            throw new IllegalStateException("The initial tables fail their checks; the service will not start on them");
        }
        return first;
    }

    private List<Workbook> initialWorkbooks() throws IOException {
        return initialTables.isPresent() ? Workbook.load(initialTables.get()) : Workbook.bundled();
    }

}
