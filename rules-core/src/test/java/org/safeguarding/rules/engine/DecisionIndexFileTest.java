package org.safeguarding.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.safeguarding.rules.analysis.ProvenRuleSet;
import org.safeguarding.rules.api.Evaluation;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.RandomIncidents;
import org.safeguarding.rules.tables.EditedWorkbook;
import org.safeguarding.rules.tables.TableTemplate;
import org.safeguarding.rules.api.Workbook;

/**
 * The index saved at build time (and beside each stored version) is what Drools decides, and a
 * file is trusted only for the very workbooks and product it was written for.
 */
class DecisionIndexFileTest {
    private static final byte[] SHIPPED_INDEX = shippedIndex();

    @Test
    void the_shipped_index_was_built_from_the_shipped_tables_and_loads_without_drools() {
        Optional<DecisionIndexFile.Loaded> loaded = DecisionIndexFile.read(SHIPPED_INDEX, Workbook.bundled());
        assertThat(loaded).isPresent();
        assertThat(loaded.get().decider().evaluation()).isEqualTo(Evaluation.INDEX);
        assertThat(loaded.get().decider().version().sha256()).isEqualTo(Workbook.sha256Of(Workbook.bundled()));
        assertThat(ProvenRuleSet.bundled()).isPresent();
    }

    @Test
    void an_index_made_by_another_build_of_the_product_is_not_trusted_but_one_by_this_build_is() {
        Decider decider = DecisionIndexFile.read(SHIPPED_INDEX, Workbook.bundled()).orElseThrow().decider();
        byte[] proof = Arrays.copyOf(new byte[20], 20); // a proof section as ProvenRuleSet writes it: counts, no hygiene
        byte[] ours = DecisionIndexFile.write(decider, proof);
        byte[] theirs = DecisionIndexFile.write(decider, proof, "a-build-whose-provisional-or-police-code-differs");
        assertThat(DecisionIndexFile.read(ours, Workbook.bundled())).isPresent();
        assertThat(DecisionIndexFile.madeByAnotherBuild(ours)).isFalse();
        assertThat(DecisionIndexFile.read(theirs, Workbook.bundled())).isEmpty();
        assertThat(DecisionIndexFile.madeByAnotherBuild(theirs)).isTrue();
        assertThat(ProvenRuleSet.fromBytes(theirs, Workbook.bundled())).isEmpty();
        assertThat(org.safeguarding.rules.RuleSet.fromIndex(theirs, Workbook.bundled())).isEmpty();
        assertThat(org.safeguarding.rules.RuleSet.indexFromAnotherBuild(theirs)).isTrue();
        // this build's identity is the one recorded over its classes when rules-core was built
        assertThat(BuildIdentity.current()).matches("[0-9a-f]{64}");
    }

    @Test
    void the_shipped_index_decides_as_drools_on_every_combination_of_the_pathway_facts() {
        Decider index = DecisionIndexFile.read(SHIPPED_INDEX, Workbook.bundled()).orElseThrow().decider();
        Decider drools = index.withEvaluation(Evaluation.DROOLS); // compiled now, on first use
        Fact[] pathwayFacts = TableTemplate.PATHWAY_FACTS.toArray(Fact[]::new);
        int combinations = 1;
        for (Fact fact : pathwayFacts) {
            combinations *= fact.domain().size();
        }
        Random random = new Random(7);
        for (int n = 0; n < combinations; n++) {
            Incident.Builder builder = RandomIncidents.facts(random);
            int rest = n;
            for (Fact fact : pathwayFacts) {
                builder.set(fact, fact.domain().get(rest % fact.domain().size()));
                rest /= fact.domain().size();
            }
            Incident incident = builder.build();
            IndexMatchesDroolsTest.assertSameAdvice(index.decide(incident), drools.decide(incident));
        }
        for (int i = 0; i < 100_000; i++) {
            Incident incident = RandomIncidents.withRandomPeople(random);
            IndexMatchesDroolsTest.assertSameAdvice(index.decide(incident), drools.decide(incident));
        }
    }

    @Test
    void saving_and_loading_keeps_the_decisions_and_the_proof() {
        List<Workbook> workbooks = List.of(new Workbook(EditedWorkbook.NAME, EditedWorkbook.shippedBytes()));
        Decider built = RuleSetBuilder.build(workbooks).decider().orElseThrow();
        ProvenRuleSet proven = ProvenRuleSet.prove(built).orElseThrow();
        ProvenRuleSet loaded = ProvenRuleSet.fromBytes(proven.toBytes(), workbooks).orElseThrow();
        assertThat(loaded.safety()).isEqualTo(proven.safety());
        assertThat(loaded.decider().tables().actionTexts()).isEqualTo(built.tables().actionTexts());
        assertThat(loaded.decider().tables().questionTexts()).isEqualTo(built.tables().questionTexts());
        assertThat(loaded.decider().tables().pathwayRows()).isEqualTo(built.tables().pathwayRows());
        assertThat(loaded.decider().tables().setupWarnings()).isEqualTo(built.tables().setupWarnings());
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            Incident incident = RandomIncidents.withRandomPeople(random);
            IndexMatchesDroolsTest.assertSameAdvice(loaded.decider().decide(incident), built.decide(incident));
        }
    }

    @Test
    void a_file_is_never_trusted_for_other_workbooks() {
        byte[] edited = EditedWorkbook.ofShipped().set("Action texts", "B3", "Another wording").bytes();
        assertThat(DecisionIndexFile.read(SHIPPED_INDEX, List.of(new Workbook(EditedWorkbook.NAME, edited)))).isEmpty();
        assertThat(DecisionIndexFile.read(SHIPPED_INDEX, List.of(new Workbook("renamed.drl.xlsx", Workbook.bundled(
                Workbook.BUNDLED_RULES).bytes())))).isEmpty();
        assertThat(DecisionIndexFile.read(SHIPPED_INDEX, List.of())).isEmpty();
    }

    @Test
    @org.junit.jupiter.api.Timeout(120) // a body cut short must end the read, never spin
    void a_damaged_truncated_or_forged_file_is_never_trusted() throws Exception {
        List<Workbook> shipped = Workbook.bundled();
        for (int position : new int[] {0, 5, 100, SHIPPED_INDEX.length / 2, SHIPPED_INDEX.length - 1}) {
            byte[] damaged = SHIPPED_INDEX.clone();
            damaged[position] ^= 0x20;
            assertThat(DecisionIndexFile.read(damaged, shipped)).as("byte %d flipped", position).isEmpty();
        }
        assertThat(DecisionIndexFile.read(Arrays.copyOf(SHIPPED_INDEX, SHIPPED_INDEX.length - 1), shipped)).isEmpty();
        assertThat(DecisionIndexFile.read(new byte[0], shipped)).isEmpty();
        // Re-hashed after the change, as someone writing the file on purpose would: the format version is still checked.
        byte[] otherFormat = SHIPPED_INDEX.clone();
        ByteBuffer.wrap(otherFormat).putInt(4, DecisionIndexFile.FORMAT + 1);
        assertThat(DecisionIndexFile.read(rehashed(otherFormat), shipped)).isEmpty();
        byte[] otherTemplate = SHIPPED_INDEX.clone();
        otherTemplate[14] ^= 0x01; // inside the template fingerprint
        assertThat(DecisionIndexFile.read(rehashed(otherTemplate), shipped)).isEmpty();
        byte[] garbageBody = SHIPPED_INDEX.clone();
        for (int i = 200; i < 260; i++) {
            garbageBody[i] = (byte) i;
        }
        assertThat(DecisionIndexFile.read(rehashed(garbageBody), shipped)).isEmpty();
        // The body ends before its compressed data does (the body is inflated whole before it is read).
        byte[] cutShort = Arrays.copyOf(Arrays.copyOf(SHIPPED_INDEX, SHIPPED_INDEX.length - 32 - 1000), SHIPPED_INDEX.length - 1000);
        assertThat(DecisionIndexFile.read(rehashed(cutShort), shipped)).isEmpty();
        assertThat(DecisionIndexFile.read(rehashed(SHIPPED_INDEX.clone()), shipped)).as("the re-hash itself is right").isPresent();
    }

    private static byte[] rehashed(byte[] file) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Arrays.copyOf(file, file.length - 32));
        System.arraycopy(digest, 0, file, file.length - 32, 32);
        return file;
    }

    private static byte[] shippedIndex() {
        try (InputStream in = DecisionIndexFileTest.class.getClassLoader().getResourceAsStream("org/safeguarding/rules/bundled-tables.index")) {
            assertThat(in).as("the index written at build time (process-classes)").isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
