package org.safeguarding.rules.rulesets;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.safeguarding.rules.RuleSet;
import org.safeguarding.rules.store.AuditEntry;
import org.safeguarding.rules.store.RuleSetStore;
import org.safeguarding.rules.store.StoredVersion;

/**
 * The two ways a lead changes which version is live: activate one, or roll back to the one before.
 * Each reads the pointer, judges the change against the live version, and sets the pointer only if
 * it has not moved meanwhile ({@link RuleSetStore#setPointerIf}), so no lock is held while the store
 * is called: a store that hangs holds up no other admin call, and a change another lead or replica
 * made in between is never lost; the change is judged and made again over it.
 */
final class PointerChanges {
    private static final Logger LOG = Logger.getLogger(PointerChanges.class);
    /** A change whose pointer moved under it this many times is refused: others are changing it too. */
    private static final int ATTEMPTS = 3;
    private static final int PREVIOUS_KEPT = 50;

    private final RuleSets ruleSets;

    PointerChanges(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    /**
     * Makes a version that passed its checks the active one. A version that changes wording that
     * keeps a child safe (or a contact that looks wrong) is activated only once the lead confirms
     * they have read those changes.
     */
    StoredVersion activate(String sha256, boolean confirmed, String subject) throws IOException, Refused {
        for (int attempt = 1; ; attempt++) {
            StoredVersion version = ruleSets.passedVersion(sha256);
            if (ruleSets.active().filter(a -> a.info().sha256().equals(sha256)).isPresent()) {
                return version;
            }
            if (!confirmed && ruleSets.needsConfirmationAgainstLive(sha256)) {
                throw Refused.activationNeedsConfirmation();
            }
            RuleSet ruleSet = ruleSets.load(sha256);
            Optional<RuleSetStore.Pointer> pointer = ruleSets.store().pointer();
            List<String> previous = new ArrayList<>();
            pointer.ifPresent(p -> {
                previous.add(p.active());
                previous.addAll(p.previous());
            });
            if (ruleSets.store().setPointerIf(pointer.map(RuleSetStore.Pointer::active).orElse(null),
                    new RuleSetStore.Pointer(sha256, previous.subList(0, Math.min(previous.size(), PREVIOUS_KEPT))),
                    new AuditEntry(Instant.now(), subject.equals(RuleSets.FOLDER_WATCH) ? "folder-watch" : "activate", sha256, subject, ""))) {
                ruleSets.changedHere(ruleSet);
                LOG.infof("Rule set %s activated", sha256.substring(0, 12));
                return version;
            }
            refuseAfterLast(attempt);
        }
    }

    /**
     * Goes back to the version that was active before the current one; refused unless {@code confirmed}
     * when that changes wording that keeps a child safe, or a contact that looks wrong, against the live one.
     */
    StoredVersion rollback(String subject, boolean confirmed) throws IOException, Refused {
        for (int attempt = 1; ; attempt++) {
            RuleSetStore.Pointer pointer = ruleSets.store().pointer().orElseThrow(() -> new Refused(409, "There is no rule set to roll back."));
            if (pointer.previous().isEmpty()) {
                throw new Refused(409, "There is no earlier version to roll back to.");
            }
            String target = pointer.previous().get(0);
            if (!confirmed && ruleSets.needsConfirmationAgainstLive(target)) {
                throw Refused.rollbackNeedsConfirmation(target);
            }
            RuleSet ruleSet = ruleSets.load(target);
            if (ruleSets.store().setPointerIf(pointer.active(),
                    new RuleSetStore.Pointer(target, pointer.previous().subList(1, pointer.previous().size())),
                    new AuditEntry(Instant.now(), "rollback", target, subject, "from " + pointer.active().substring(0, 12)))) {
                ruleSets.changedHere(ruleSet);
                LOG.infof("Rolled back to rule set %s", target.substring(0, 12));
                return ruleSets.store().read(target).orElseThrow();
            }
            refuseAfterLast(attempt);
        }
    }

    private static void refuseAfterLast(int attempt) throws Refused {
        if (attempt == ATTEMPTS) {
            throw Refused.keptChanging();
        }
    }
}
