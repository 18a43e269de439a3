package org.safeguarding.rules.rulesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.rules.store.StoredVersion;
import org.safeguarding.rules.tables.EditedWorkbook;
import org.safeguarding.rules.tables.TableTemplate;
import org.safeguarding.rules.api.Workbook;

/** A restarted service comes back on the version that was active, with its history for roll back. */
class RestartTest {
    @TempDir
    Path store;

    /** The shipped workbook with another number on its Contacts sheet: a version a lead uploads. */
    private static final byte[] EDITED = EditedWorkbook.ofShipped().set(TableTemplate.CONTACTS_SHEET, "B5", "0300 555 0199").bytes();

    /** {@link #EDITED}, uploaded and activated by a lead. */
    private static StoredVersion activateEdited(RuleSets ruleSets) throws Exception {
        StoredVersion version = ruleSets.upload(List.of(new Workbook(EditedWorkbook.NAME, EDITED)), "Lead");
        assertThat(version.passed()).isTrue();
        ruleSets.activate(version.sha256(), false, "Lead");
        return version;
    }

    private RuleSets start() throws Exception {
        RuleSets ruleSets = new RuleSets(StoreChoice.folder(store), Optional.empty(), java.time.Duration.ofHours(1), 20, swapped -> { });
        ruleSets.start(null);
        return ruleSets;
    }

    @Test
    void the_active_version_and_its_history_survive_a_restart() throws Exception {
        RuleSets first = start();
        String bundled = first.active().orElseThrow().info().sha256();
        StoredVersion version = activateEdited(first);

        RuleSets restarted = start();
        assertThat(restarted.active().orElseThrow().info().sha256()).isEqualTo(version.sha256());
        assertThat(restarted.rollback("Lead").sha256()).isEqualTo(bundled);
        assertThat(restarted.active().orElseThrow().info().sha256()).isEqualTo(bundled);
        assertThatThrownBy(() -> restarted.rollback("Lead")).isInstanceOf(Refused.class).hasMessageContaining("no earlier version");
    }

    /**
     * Safety property 13: a stored proof belongs to the build that made it. A version whose index
     * another build of the product saved is built and proven again once, saved with this build's
     * identity, and the health check says so; the next start loads it without proving.
     */
    @Test
    void a_stored_index_from_another_build_is_proven_again_once_and_saved() throws Exception {
        RuleSets first = start();
        StoredVersion version = activateEdited(first);
        Path index = store.resolve("versions").resolve(version.sha256()).resolve("proven.index");
        byte[] ours = java.nio.file.Files.readAllBytes(index);
        byte[] theirs = asIfMadeByAnotherBuild(ours);
        assertThat(org.safeguarding.rules.RuleSet.indexFromAnotherBuild(theirs)).isTrue();
        java.nio.file.Files.write(index, theirs);

        RuleSets upgraded = start();
        assertThat(upgraded.active().orElseThrow().info().sha256()).isEqualTo(version.sha256());
        assertThat(upgraded.reprovenAfterUpgrade()).isEqualTo(1);
        byte[] saved = java.nio.file.Files.readAllBytes(index);
        assertThat(org.safeguarding.rules.RuleSet.indexFromAnotherBuild(saved)).isFalse();
        assertThat(org.safeguarding.rules.RuleSet.fromIndex(saved, List.of(new Workbook(EditedWorkbook.NAME, EDITED)))).isPresent();

        RuleSets again = start();
        assertThat(again.reprovenAfterUpgrade()).isZero();
        assertThat(again.active().orElseThrow().info().sha256()).isEqualTo(version.sha256());
    }

    /**
     * Two replicas start on a new store at the same moment: both see no pointer, and the one that
     * sets its own first wins. The other serves that version and leaves the pointer alone (it once
     * replaced it, undoing what the first had set). Here the first replica has even activated a
     * lead's version by then, which the late one must not undo.
     */
    @Test
    void a_replica_that_saw_a_new_store_serves_the_version_another_set_first() throws Exception {
        RuleSets first = start();
        StoredVersion version = activateEdited(first);

        RuleSets late = new RuleSets(new StoreChoice(() -> pointerFirstReadAsMissing(new org.safeguarding.rules.store.FileRuleSetStore(store)), store, false),
                Optional.empty(), java.time.Duration.ofHours(1), 20, swapped -> { });
        late.start(null);

        assertThat(late.active().orElseThrow().info().sha256()).isEqualTo(version.sha256());
        assertThat(first.pointer().orElseThrow().active()).isEqualTo(version.sha256());
    }

    /** A store whose first read of the pointer finds none, as a replica's that read it just before another set it. */
    private static org.safeguarding.rules.store.RuleSetStore pointerFirstReadAsMissing(org.safeguarding.rules.store.RuleSetStore real) {
        java.util.concurrent.atomic.AtomicBoolean read = new java.util.concurrent.atomic.AtomicBoolean();
        return (org.safeguarding.rules.store.RuleSetStore) java.lang.reflect.Proxy.newProxyInstance(RestartTest.class.getClassLoader(),
                new Class<?>[] {org.safeguarding.rules.store.RuleSetStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("pointer") && !read.getAndSet(true)) {
                        return Optional.empty();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The same index with another build's identity in its header and its checksum made whole again. */
    private static byte[] asIfMadeByAnotherBuild(byte[] index) throws Exception {
        byte[] build = org.safeguarding.rules.RuleSet.productBuild().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] other = index.clone();
        int at = indexOf(other, build);
        assertThat(at).isPositive();
        other[at] = (byte) (other[at] == '0' ? '1' : '0');
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(java.util.Arrays.copyOf(other, other.length - 32));
        System.arraycopy(digest, 0, other, other.length - 32, 32);
        return other;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * An upgrade can bring a new safety property that the active version fails (here: the LADO
     * for allegations against staff, which a workbook of the earlier layout cannot give). The
     * service still starts and gives advice, on the tables it was started with, and says why.
     */
    @Test
    void an_active_version_that_no_longer_passes_falls_back_to_the_starting_tables_and_says_so() throws Exception {
        RuleSets first = start();
        String bundled = first.active().orElseThrow().info().sha256();
        StoredVersion version = activateEdited(first);
        // As stored by an earlier product: a workbook of the layout before adultIsStaffOrVolunteer.
        Path stored = store.resolve("versions").resolve(version.sha256());
        java.nio.file.Files.write(stored.resolve("workbooks").resolve(EditedWorkbook.NAME), EditedWorkbook.legacyBytes());
        java.nio.file.Files.deleteIfExists(stored.resolve("proven.index"));

        RuleSets restarted = start();
        assertThat(restarted.active().orElseThrow().info().sha256()).isEqualTo(bundled);
        assertThat(restarted.active().orElseThrow().engine().decide(org.safeguarding.rules.api.Incident.builder()
                .adultIsStaffOrVolunteer(org.safeguarding.rules.api.Answer.YES).build()).actionCodes())
                .contains(org.safeguarding.rules.api.ActionCode.REFER_LADO);
        assertThat(restarted.lag()).get().satisfies(lag -> {
            assertThat(lag.wanted()).isEqualTo(version.sha256());
            assertThat(lag.reason()).contains("no longer passes");
        });
        assertThat(restarted.pointer().orElseThrow().active()).as("the store is left as it was").isEqualTo(version.sha256());
        assertThat(java.nio.file.Files.readString(store.resolve("audit.jsonl"))).contains("\"fallback\"");
    }

    @Test
    void a_restart_loads_each_version_from_its_saved_index_without_building_it_again() throws Exception {
        RuleSets first = start();
        String bundled = first.active().orElseThrow().info().sha256();
        Path index = store.resolve("versions").resolve(bundled).resolve("proven.index");
        assertThat(index).as("the first start saves the shipped tables' index with their version").exists();
        StoredVersion version = first.upload(List.of(new Workbook(EditedWorkbook.NAME, EDITED)), "Lead");
        assertThat(store.resolve("versions").resolve(version.sha256()).resolve("proven.index")).exists();
        first.activate(version.sha256(), false, "Lead");
        long modified = java.nio.file.Files.getLastModifiedTime(store.resolve("versions").resolve(version.sha256())
                .resolve("proven.index")).toMillis();

        RuleSets restarted = start();
        ActiveRuleSet active = restarted.active().orElseThrow();
        assertThat(active.info().sha256()).isEqualTo(version.sha256());
        assertThat(actionTexts(active)).contains("0300 555 0199");
        assertThat(java.nio.file.Files.getLastModifiedTime(store.resolve("versions").resolve(version.sha256())
                .resolve("proven.index")).toMillis()).as("loaded, not rebuilt").isEqualTo(modified);
    }

    @Test
    void a_damaged_or_foreign_index_is_never_used_and_is_rebuilt_with_drools() throws Exception {
        RuleSets first = start();
        String bundled = first.active().orElseThrow().info().sha256();
        StoredVersion version = activateEdited(first);
        // The other version's index, a valid file for other workbooks, put in this version's place.
        Path index = store.resolve("versions").resolve(version.sha256()).resolve("proven.index");
        java.nio.file.Files.copy(store.resolve("versions").resolve(bundled).resolve("proven.index"), index,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        RuleSets restarted = start();
        ActiveRuleSet active = restarted.active().orElseThrow();
        assertThat(active.info().sha256()).isEqualTo(version.sha256());
        assertThat(actionTexts(active)).contains("0300 555 0199");
        assertThat(org.safeguarding.rules.analysis.ProvenRuleSet.fromBytes(java.nio.file.Files.readAllBytes(index),
                restartedWorkbooks(version.sha256()))).as("rebuilt and saved again for these workbooks").isPresent();

        byte[] damaged = java.nio.file.Files.readAllBytes(index);
        damaged[damaged.length / 2] ^= 1;
        java.nio.file.Files.write(index, damaged);
        assertThat(actionTexts(start().active().orElseThrow())).contains("0300 555 0199");
    }

    private List<Workbook> restartedWorkbooks(String sha256) throws Exception {
        return new org.safeguarding.rules.store.FileRuleSetStore(store).workbooks(sha256);
    }

    /** Every action text of a decision on an incident nothing is known about yet: the referral text carries the local number. */
    private static String actionTexts(ActiveRuleSet active) {
        return active.engine().decide(org.safeguarding.rules.api.Incident.builder().build()).actions().stream()
                .map(org.safeguarding.rules.api.Action::text).collect(java.util.stream.Collectors.joining("\n"));
    }
}
