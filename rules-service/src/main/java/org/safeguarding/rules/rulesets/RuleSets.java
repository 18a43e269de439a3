package org.safeguarding.rules.rulesets;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.safeguarding.rules.api.ImpactReport;
import org.safeguarding.rules.RuleSet;
import org.safeguarding.rules.api.Workbook;
import org.safeguarding.rules.store.AuditEntry;
import org.safeguarding.rules.store.RuleSetStore;
import org.safeguarding.rules.store.StoredVersion;

/**
 * The rule sets the service knows: the active one, candidates uploaded by leads, and their
 * history, kept in the store {@link StoreChoice} names. Only a version that passed every check can
 * be activated; activation persists the pointer first and then swaps the active rule set in one
 * step, so every decision uses exactly one version and a restart comes back on the same one.
 * Each swap is announced as an {@link ActiveRuleSet} event (metrics listen).
 */
@ApplicationScoped
public class RuleSets {
    private static final Logger LOG = Logger.getLogger(RuleSets.class);
    /** Who activates the files an operator drops in the watched folder: there is no lead to ask. */
    public static final String FOLDER_WATCH = "folder watch";

    private final AtomicReference<ActiveRuleSet> active = new AtomicReference<>();
    private final AtomicReference<Lag> lag = new AtomicReference<>();
    private final AtomicReference<String> storeProblem = new AtomicReference<>();
    /** Held only to swap (activate, roll back, the pointer follower), never while the store is called. */
    private final Object changes = new Object();
    /** Changes made here (activations and roll backs), so the follower never swaps over a newer one. */
    private final java.util.concurrent.atomic.AtomicLong changesMade = new java.util.concurrent.atomic.AtomicLong();
    private final StoreChoice choice;
    private final Optional<Path> initialTables;
    private final Duration pollInterval;
    private final Consumer<ActiveRuleSet> onSwap;
    private final LoadedRuleSets loaded = new LoadedRuleSets();
    private final Candidates candidates;
    private final PointerChanges pointerChanges = new PointerChanges(this);
    /** On a shared store only: the active version kept on this machine. */
    private final Optional<ActiveCopy> copy;
    /** Set once opened; {@code null} while a database that was down at start is still being retried. */
    private volatile RuleSetStore store;
    private ScheduledExecutorService follower;

    @Inject
    public RuleSets(StoreChoice choice, @ConfigProperty(name = "safeguarding.tables.path") Optional<Path> initialTables,
                    @ConfigProperty(name = "safeguarding.store.poll-interval", defaultValue = "2s") Duration pollInterval,
                    @ConfigProperty(name = "safeguarding.store.max-failed-versions", defaultValue = "20") int maxFailedVersions,
                    Event<ActiveRuleSet> swaps) {
        this(choice, initialTables, pollInterval, maxFailedVersions, swaps::fire);
    }

    RuleSets(StoreChoice choice, Optional<Path> initialTables, Duration pollInterval, int maxFailedVersions, Consumer<ActiveRuleSet> onSwap) {
        this.choice = choice;
        this.initialTables = initialTables;
        this.pollInterval = pollInterval;
        this.onSwap = onSwap;
        this.candidates = new Candidates(loaded, maxFailedVersions);
        this.copy = choice.shared() ? Optional.of(new ActiveCopy(choice.localFolder())) : Optional.empty();
    }

    void start(@Observes StartupEvent event) throws IOException {
        follower = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "rule-set-pointer-follower");
            thread.setDaemon(true);
            return thread;
        });
        if (!choice.shared()) {
            open(); // a folder that cannot be opened is the operator's to fix before the service runs
            return;
        }
        tryOpen();
    }

    void stop(@Observes ShutdownEvent event) {
        if (follower != null) {
            follower.shutdownNow();
        }
        if (store != null) {
            store.close();
        }
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
            if (active.get() == null) {
                copy.flatMap(ActiveCopy::read).ifPresent(cached -> {
                    active.set(ActiveRuleSet.of(cached));
                    LOG.warnf("Serving the cached rule set %s until the store can be reached", cached.version().version());
                });
            }
            active().ifPresent(a -> storeProblem.set(storeProblem.get() + "; serving the cached version " + a.info().version()));
            if (store != null) {
                store.close();
                store = null;
            }
            follower.schedule(this::tryOpen, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void open() throws IOException {
        long start = System.nanoTime();
        RuleSetStore opened = choice.opener().open();
        store = opened;
        Optional<RuleSetStore.Pointer> pointer = opened.pointer();
        if (pointer.isEmpty()) {
            // A new store: the tables this service started with become active, unless another replica
            // starting at the same moment set its own first. Then that one is served here too.
            RuleSetStore.Pointer starting = new RuleSetStore.Pointer(candidates.starting(initialTables, opened).sha256(), List.of());
            pointer = opened.setPointerIf(null, starting, null) ? Optional.of(starting) : opened.pointer();
        }
        String wanted = pointer.orElseThrow().active();
        try {
            swap(loaded.load(wanted, opened));
        } catch (IllegalStateException e) {
            // The active version passed the checks of the product that activated it, but not this
            // one's (a new safety property, a new column). A service that does not start leaves every
            // child without advice: serve the tables it was started with, which pass, and say why.
            swap(loaded.load(candidates.starting(initialTables, opened).sha256(), opened));
            lag.set(new Lag(wanted, Instant.now(), "the active version no longer passes this version's checks; serving the tables "
                    + "the service started with until a lead activates a version that passes"));
            audit("fallback", active.get().info().sha256(), "service", "active version " + wanted.substring(0, 12)
                    + " no longer passes this version's checks");
            LOG.warnf("Rule set %s no longer passes this version's checks: serving rule set %s instead", wanted.substring(0, 12),
                    active.get().info().version());
        }
        LOG.infof("Rule set %s active (store: %s), ready in %d ms", active.get().info().version(), opened.describe(),
                (System.nanoTime() - start) / 1_000_000);
        follower.scheduleWithFixedDelay(this::followPointer, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        // Where the store says when the pointer changes (PostgreSQL), follow at once; the poll stays as the fallback.
        opened.onPointerChange(() -> follower.execute(this::followPointer));
    }

    /** The store, once opened: until then (a database down at start) calls fail as the store being unreachable does. */
    RuleSetStore store() throws IOException {
        RuleSetStore current = store;
        if (current == null) {
            throw new IOException("the rule set store is not reachable yet");
        }
        return current;
    }

    /**
     * Replicas share one store: a version activated (or rolled back to) elsewhere is followed by
     * reading the active pointer, outside the lock activation takes (a hanging database holds
     * neither). A version that cannot be loaded is a lag; this replica keeps serving its own.
     */
    void followPointer() {
        String wanted = null;
        try {
            // A change made here while the store was read wins, and the store is read again.
            for (int reading = 0; reading < 10; reading++) {
                long changesBefore = changesMade.get();
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
                RuleSet ruleSet = loaded.load(wanted, store());
                synchronized (changes) {
                    if (changesMade.get() == changesBefore) {
                        swap(ruleSet);
                        lag.set(null);
                        LOG.infof("Rule set %s active: followed the store's pointer", wanted.substring(0, 12));
                        return;
                    }
                }
            }
            follower.execute(this::followPointer); // changes here without pause: follow once they pause
        } catch (Exception | LinkageError e) {
            if (wanted != null) {
                lag.set(new Lag(wanted, Instant.now(), "could not load it (" + e.getClass().getSimpleName()
                        + "); serving the previous version"));
            }
            LOG.warnf("Could not follow the store's pointer: %s", e.getClass().getSimpleName());
        }
    }

    /** Why this replica has no rule set yet, when the store could not be reached; empty otherwise. */
    public Optional<String> storeProblem() {
        return Optional.ofNullable(storeProblem.get());
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
        StoredVersion version = candidates.check(files, uploadedBy, note, Optional.empty(), active().map(ActiveRuleSet::ruleSet), store());
        audit("upload", version.sha256(), subject, "by " + uploadedBy + ", " + (version.passed() ? "passed" : "failed")
                + (note.isEmpty() ? "" : ": " + note));
        return version;
    }

    /** The audit trail, newest first. */
    public List<AuditEntry> audit(int offset, int limit) throws IOException {
        return store().audit(offset, limit);
    }

    /** Never stops what was done: the action stands, and the failure to record it is logged. */
    private void audit(String action, String sha256, String subject, String detail) {
        try {
            store().audit(new AuditEntry(Instant.now(), action, sha256, subject, detail));
        } catch (IOException e) {
            LOG.errorf("Could not record %s of rule set %s in the audit trail: %s", action, sha256.substring(0, 12),
                    e.getClass().getSimpleName());
        }
    }

    /**
     * Makes a version that passed its checks the active one. A version whose report says it
     * changes wording that keeps a child safe (or a contact that looks wrong) is activated only
     * once the lead confirms they have read those changes.
     */
    public StoredVersion activate(String sha256, boolean confirmed, String subject) throws IOException, Refused {
        return pointerChanges.activate(sha256, confirmed, subject);
    }

    /**
     * This replica changed the pointer: the new version is served at once, and the pointer read
     * again, in case a change made at the same moment here or elsewhere came just after it. No
     * store call is made under the lock: a store that hangs holds no other admin call.
     */
    void changedHere(RuleSet ruleSet) {
        synchronized (changes) {
            swap(ruleSet);
            changesMade.incrementAndGet();
        }
        follower.execute(this::followPointer);
    }

    /**
     * What making {@code sha256} live would change against the version live now, in the words of an
     * upload's report; empty when it is the live version or none is live. Activation, roll back and
     * undo are judged by this, never by the report of the upload, which compared with whatever was
     * live then.
     */
    public Optional<ImpactReport> changesAgainstLive(String sha256) throws IOException, Refused {
        passedVersion(sha256);
        ActiveRuleSet current = active.get();
        if (current == null || current.info().sha256().equals(sha256)) {
            return Optional.empty();
        }
        return Optional.of(loaded.load(sha256, store()).changesFrom(current.ruleSet()));
    }

    StoredVersion passedVersion(String sha256) throws IOException, Refused {
        StoredVersion version = store().read(sha256).orElseThrow(() -> new Refused(404, "There is no rule set version with that SHA-256."));
        if (!version.passed()) {
            throw new Refused(409, "This version failed its checks and cannot be activated: see its report.");
        }
        return version;
    }

    /** {@code changesAgainstLive(sha256)} needs the lead's confirmation: from the texts alone, so activating stays quick. */
    boolean needsConfirmationAgainstLive(String sha256) throws IOException {
        ActiveRuleSet current = active.get();
        return current != null && !current.info().sha256().equals(sha256)
                && loaded.load(sha256, store()).needsConfirmationAfter(current.ruleSet());
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
        return pointerChanges.rollback(subject, confirmed);
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

    /** A stored version as a rule set, from memory when it was loaded lately. */
    RuleSet load(String sha256) throws IOException {
        return loaded.load(sha256, store());
    }

    /** How many stored versions were proven again since this start because another build had proven them (health shows it). */
    public int reprovenAfterUpgrade() {
        return loaded.reprovenAfterUpgrade();
    }

    public Optional<RuleSetStore.Pointer> pointer() throws IOException {
        return store().pointer();
    }

    private void swap(RuleSet ruleSet) {
        ActiveRuleSet next = ActiveRuleSet.of(ruleSet);
        active.set(next);
        copy.ifPresent(c -> c.keep(ruleSet));
        onSwap.accept(next);
        if (!next.info().setupWarnings().isEmpty()) {
            // Cells and setting names only: these are the organisation's settings, not facts about a child.
            LOG.warnf("Rule set %s has %d local setting(s) still to make: %s", next.info().version(), next.info().setupWarnings().size(),
                    next.info().setupWarnings().stream().map(p -> p.sheet() + "!" + p.cell()).collect(Collectors.joining(", ")));
        }
    }
}
