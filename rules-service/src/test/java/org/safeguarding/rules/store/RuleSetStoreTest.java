package org.safeguarding.rules.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.rules.api.Workbook;

/** Versions and the active pointer survive reopening, and interrupted writes leave nothing half-made. */
class RuleSetStoreTest {
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);

    @TempDir
    Path root;

    private static StoredVersion save(RuleSetStore store, String sha, String content) throws Exception {
        return store.save(sha, List.of(new Workbook("rules.drl.xlsx", content.getBytes())), "Lead", Instant.parse("2026-11-25T10:00:00Z"),
                true, JsonNodeFactory.instance.objectNode().put("passed", true), "Local number added, as the LA asked.");
    }

    @Test
    void a_reopened_store_has_the_same_versions_and_active_pointer() throws Exception {
        RuleSetStore store = new FileRuleSetStore(root);
        save(store, A, "first");
        save(store, B, "second");
        store.setPointer(new RuleSetStore.Pointer(B, List.of(A)));

        RuleSetStore reopened = new FileRuleSetStore(root);
        assertThat(reopened.pointer()).contains(new RuleSetStore.Pointer(B, List.of(A)));
        assertThat(reopened.list()).extracting(StoredVersion::sha256).containsExactlyInAnyOrder(A, B);
        assertThat(new String(reopened.workbooks(A).get(0).bytes())).isEqualTo("first");
        assertThat(reopened.read(B).orElseThrow().uploadedBy()).isEqualTo("Lead");
        assertThat(reopened.read(B).orElseThrow().note()).isEqualTo("Local number added, as the LA asked.");
    }

    @Test
    void versions_are_immutable_once_stored() throws Exception {
        RuleSetStore store = new FileRuleSetStore(root);
        save(store, A, "first");
        save(store, A, "something else");
        assertThat(new String(store.workbooks(A).get(0).bytes())).isEqualTo("first");
    }

    @Test
    void an_upload_interrupted_before_its_rename_leaves_no_version_and_is_cleaned_up() throws Exception {
        RuleSetStore store = new FileRuleSetStore(root);
        save(store, A, "first");
        store.setPointer(new RuleSetStore.Pointer(A, List.of()));
        // What a crash mid-upload leaves: a half-written staging folder and a half-written pointer copy.
        Path staging = Files.createDirectories(root.resolve("tmp").resolve("crashed-upload").resolve("workbooks"));
        Files.write(staging.resolve("rules.drl.xlsx"), new byte[] {1, 2});
        Files.writeString(root.resolve("tmp").resolve("active.json.partial"), "{\"act");

        RuleSetStore reopened = new FileRuleSetStore(root);
        assertThat(reopened.list()).extracting(StoredVersion::sha256).containsExactly(A);
        assertThat(reopened.pointer().orElseThrow().active()).isEqualTo(A);
        try (var leftovers = Files.list(root.resolve("tmp"))) {
            assertThat(leftovers).isEmpty();
        }
    }

    @Test
    void an_uploaded_file_name_cannot_choose_where_it_is_written() throws Exception {
        RuleSetStore store = new FileRuleSetStore(root);
        store.save(A, List.of(new Workbook("../../../evil.drl.xlsx", new byte[] {1})), "Lead", Instant.now(), false,
                JsonNodeFactory.instance.objectNode(), "");
        assertThat(store.workbooks(A)).extracting(Workbook::name).containsExactly("evil.drl.xlsx");
        assertThat(root.getParent().resolve("evil.drl.xlsx")).doesNotExist();
    }

    @Test
    void unknown_or_malformed_versions_are_absent() throws Exception {
        RuleSetStore store = new FileRuleSetStore(root);
        assertThat(store.read(A)).isEmpty();
        assertThat(store.read("../versions")).isEmpty();
        assertThat(store.pointer()).isEmpty();
    }

    @Test
    void the_audit_trail_is_appended_read_newest_first_and_survives_a_torn_line() throws Exception {
        RuleSetStore store = new FileRuleSetStore(root);
        store.audit(new AuditEntry(Instant.parse("2026-11-25T10:00:00Z"), "upload", A, "lead-1", "by Ms Patel, DSL, passed: local number"));
        store.audit(new AuditEntry(Instant.parse("2026-11-25T10:01:00Z"), "activate", A, "lead-1", ""));
        java.nio.file.Files.writeString(root.resolve("audit.jsonl"), "{\"at\":\"2026-11-25T10:02", java.nio.file.StandardOpenOption.APPEND);
        RuleSetStore reopened = new FileRuleSetStore(root);
        assertThat(reopened.audit(0, 10)).extracting(AuditEntry::action).containsExactly("activate", "upload");
        assertThat(reopened.audit(1, 10)).extracting(AuditEntry::detail).containsExactly("by Ms Patel, DSL, passed: local number");
        reopened.audit(new AuditEntry(Instant.parse("2026-11-25T10:03:00Z"), "rollback", B, "lead-2", ""));
        assertThat(reopened.audit(0, 3)).extracting(AuditEntry::action).containsExactly("rollback", "activate", "upload");
    }
}
