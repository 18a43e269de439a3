package org.safeguarding.rules.rulesets;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jboss.logging.Logger;
import org.safeguarding.rules.RuleSet;
import org.safeguarding.rules.api.Workbook;
import org.safeguarding.rules.store.RuleSetStore;

/**
 * Stored versions' rules, loaded when asked for and kept for the next time. Bounded: each holds
 * its index (about 15 MB) and, when just built, its Drools rules; one that is evicted loads again
 * from its saved index in milliseconds. The active one is also held by {@link RuleSets}.
 */
final class LoadedRuleSets {
    private static final Logger LOG = Logger.getLogger(LoadedRuleSets.class);
    static final int MAX_LOADED = 3;

    /** Evicts on the caller's thread, so the bound holds when the call returns. */
    private final Cache<String, RuleSet> loaded = Caffeine.newBuilder().maximumSize(MAX_LOADED).executor(Runnable::run).build();
    /** Stored versions whose saved proof came from another build of the product, proven again since this start. */
    private final AtomicInteger reprovenAfterUpgrade = new AtomicInteger();

    /** A version just built and proven (an upload), kept so activating it is quick, its index saved beside it. */
    void keep(String sha256, RuleSet proven, RuleSetStore store) {
        loaded.put(sha256, proven);
        saveIndex(sha256, proven, store);
    }

    /**
     * A stored version's rules: from memory when loaded since start, else from the proven index
     * saved beside it (milliseconds), else built with Drools and proven again (seconds), and the
     * index saved for next time. An index that does not match the workbooks and this version of
     * the product is never used.
     */
    RuleSet load(String sha256, RuleSetStore store) throws IOException {
        RuleSet cached = loaded.getIfPresent(sha256);
        if (cached != null) {
            return cached;
        }
        List<Workbook> workbooks = store.workbooks(sha256).stream().filter(Workbook::isRuleWorkbook).toList();
        Optional<byte[]> index = store.index(sha256);
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
            saveIndex(sha256, ruleSet, store);
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (upgrade) {
                reprovenAfterUpgrade.incrementAndGet();
                LOG.infof("Rule set %s was proven by another build of the product, so this build (%s) proved it again in %d ms; "
                        + "its index is saved for the next start", sha256.substring(0, 12), RuleSet.productBuild().substring(0, 12), millis);
            } else {
                LOG.infof("Rule set %s built and proven again in %d ms; its index is saved for the next start", sha256.substring(0, 12), millis);
            }
        }
        loaded.put(sha256, ruleSet);
        return ruleSet;
    }

    int reprovenAfterUpgrade() {
        return reprovenAfterUpgrade.get();
    }

    /** How many are held now (at most {@link #MAX_LOADED}). */
    long size() {
        return loaded.estimatedSize();
    }

    /**
     * Saves a version's proven index for the next start. Only when it was built from the files as
     * stored (an upload's names can differ): otherwise the next load builds and saves it.
     */
    private static void saveIndex(String sha256, RuleSet proven, RuleSetStore store) {
        try {
            List<String> stored = store.workbooks(sha256).stream().filter(Workbook::isRuleWorkbook).map(Workbook::name).toList();
            if (stored.equals(proven.workbooks().stream().map(Workbook::name).toList())) {
                store.saveIndex(sha256, proven.toIndex());
            }
        } catch (IOException | RuntimeException e) {
            // Only a cache: the version is stored and loads without it, more slowly.
            LOG.warnf("Could not save the index of rule set %s: %s", sha256.substring(0, 12), e.getClass().getSimpleName());
        }
    }
}
