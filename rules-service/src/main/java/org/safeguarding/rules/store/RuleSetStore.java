package org.safeguarding.rules.store;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.safeguarding.rules.api.Workbook;

/**
 * Where the service keeps the rule set versions, the active pointer and the audit trail: a
 * folder ({@link FileRuleSetStore}, the default) or PostgreSQL ({@link PostgresRuleSetStore},
 * for many replicas). Versions never change once stored; audit entries are only ever added.
 */
public interface RuleSetStore extends AutoCloseable {

    /** The active version and, most recent first, the versions active before it. */
    record Pointer(String active, List<String> previous) {
        public Pointer {
            previous = List.copyOf(previous);
        }
    }

    /** Where the store is, for logs (never a password). */
    String describe();

    /** Stores a version unless one with the same SHA-256 is already stored (versions never change). */
    StoredVersion save(String sha256, List<Workbook> workbooks, String uploadedBy, Instant uploadedAt, boolean passed, ObjectNode report,
                       String note) throws IOException;

    /** A stored version; empty for anything that is not the SHA-256 of one. */
    Optional<StoredVersion> read(String sha256) throws IOException;

    /** A version's uploaded files, by name, byte for byte. */
    List<Workbook> workbooks(String sha256) throws IOException;

    /** The proven index saved beside a version, if any; the caller checks it against the workbooks. */
    Optional<byte[]> index(String sha256) throws IOException;

    /** Saves (or replaces) a version's proven index: a reader sees the old one or the new one. */
    void saveIndex(String sha256, byte[] index) throws IOException;

    /** Every stored version, newest first. */
    List<StoredVersion> list() throws IOException;

    /** Removes the oldest versions that failed their checks beyond {@code keep}. */
    void pruneFailed(int keep) throws IOException;

    /** Adds an entry to the audit trail; entries are never changed or removed. */
    void audit(AuditEntry entry) throws IOException;

    /** The audit trail, newest first: {@code limit} entries after skipping {@code offset}. */
    List<AuditEntry> audit(int offset, int limit) throws IOException;

    Optional<Pointer> pointer() throws IOException;

    /** Replaces the active pointer in one step. */
    void setPointer(Pointer pointer) throws IOException;

    /**
     * Replaces the active pointer and records who did it and why: in one transaction where the
     * store has them (PostgreSQL), so the trail never misses an activation that happened.
     *
     * @param why the audit entry, or {@code null} for none (the first pointer a service sets on a new store)
     */
    default void setPointer(Pointer pointer, AuditEntry why) throws IOException {
        setPointer(pointer);
        if (why != null) {
            audit(why);
        }
    }

    /**
     * {@link #setPointer(Pointer, AuditEntry)} only if the active version is still
     * {@code expectedActive} ({@code null}: no pointer yet), compared and set in one step: of two
     * changes made at once (two leads, two replicas) one wins and the other is told, having
     * changed nothing, so no lock need be held while the store is called.
     *
     * @param why as for {@link #setPointer(Pointer, AuditEntry)}
     * @return whether the pointer was changed
     */
    boolean setPointerIf(String expectedActive, Pointer pointer, AuditEntry why) throws IOException;

    /**
     * Calls {@code listener} soon after any replica changes the pointer, where the store can say
     * so (PostgreSQL's LISTEN/NOTIFY); replicas also poll, so a store that cannot is still followed.
     */
    default void onPointerChange(Runnable listener) {
    }

    @Override
    default void close() {
    }
}
