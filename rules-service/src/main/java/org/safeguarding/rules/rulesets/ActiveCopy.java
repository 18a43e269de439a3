package org.safeguarding.rules.rulesets;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.jboss.logging.Logger;
import org.safeguarding.rules.RuleSet;
import org.safeguarding.rules.api.Workbook;
import org.safeguarding.rules.store.FileRuleSetStore;
import org.safeguarding.rules.store.RuleSetStore;

/**
 * On PostgreSQL, the active version is also kept in a local folder ({@code safeguarding.store.path}/cache):
 * a replica that starts while the database is down serves it, not ready, until the database answers.
 * Only a copy: a failure to keep it is logged, never in the way.
 */
final class ActiveCopy {
    private static final Logger LOG = Logger.getLogger(ActiveCopy.class);

    private final Path folder;
    private FileRuleSetStore store;

    ActiveCopy(Path storePath) {
        this.folder = storePath.resolve("cache");
    }

    private synchronized FileRuleSetStore store() {
        if (store == null) {
            store = new FileRuleSetStore(folder);
        }
        return store;
    }

    void keep(RuleSet ruleSet) {
        try {
            String sha = ruleSet.version().sha256();
            store().save(sha, ruleSet.workbooks(), "cache", Instant.now(), true, JsonNodeFactory.instance.objectNode(), "");
            store().saveIndex(sha, ruleSet.toIndex());
            store().setPointer(new RuleSetStore.Pointer(sha, List.of()));
        } catch (IOException | RuntimeException e) {
            // Only a cache: without it a replica that starts while the database is down waits for it.
            LOG.warnf("Could not keep a local copy of the active rule set: %s", e.getClass().getSimpleName());
        }
    }

    /** The copy, to serve (not ready) while the database cannot be reached at start. */
    Optional<RuleSet> read() {
        try {
            Optional<RuleSetStore.Pointer> pointer = store().pointer();
            if (pointer.isEmpty()) {
                return Optional.empty();
            }
            String sha = pointer.get().active();
            List<Workbook> workbooks = store().workbooks(sha);
            return store().index(sha).flatMap(index -> RuleSet.fromIndex(index, workbooks));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("No cached rule set to serve: %s", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
