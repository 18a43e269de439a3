package org.safeguarding.rules.engine;

import org.safeguarding.rules.api.Workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.safeguarding.rules.analysis.ProvenRuleSet;
import org.safeguarding.rules.analysis.SafetyAnalyser;
import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Pathway;
import org.safeguarding.rules.api.SafetyFinding;
import org.safeguarding.rules.api.SafetyReport;

/**
 * Safety property 13: the analysis checks the very answers {@code decide} serves (the precomputed
 * Pathway table and the memo of assembled outcomes), not a neighbour of them. One served answer is
 * corrupted in memory and the analysis must find it.
 */
class ProofRunsOnServedFunctionTest {
    private static Decider fresh() {
        return DecisionIndexFile.read(ProvenRuleSetBytes.SHIPPED, Workbook.bundled()).orElseThrow().decider();
    }

    @Test
    void the_untouched_shipped_tables_prove_safe_over_the_served_function() {
        assertThat(SafetyAnalyser.analyse(fresh()).findings()).isEmpty();
    }

    @Test
    void the_drools_evaluation_is_proven_the_same_way_and_gives_the_same_report() {
        Decider index = fresh();
        Decider drools = index.withEvaluation(org.safeguarding.rules.api.Evaluation.DROOLS);
        SafetyReport byIndex = SafetyAnalyser.analyse(index);
        SafetyReport byDrools = SafetyAnalyser.analyse(drools);
        assertThat(byDrools.findings()).isEmpty();
        assertThat(byDrools.pathwayCombinations()).isEqualTo(byIndex.pathwayCombinations());
        assertThat(byDrools.actionCombinations()).isEqualTo(byIndex.actionCombinations());
        assertThat(byDrools.hygiene()).isEqualTo(byIndex.hygiene());
    }

    @Test
    void one_corrupted_pathway_table_entry_is_found() {
        Decider decider = fresh();
        PathwayTable table = decider.pathwayTableToSave();
        int handledInternally = -1;
        for (int part = 0; part < table.parts().length; part++) {
            if (table.parts()[part].pathway() == Pathway.HANDLE_INTERNALLY && !table.parts()[part].provisional()) {
                handledInternally = part;
            }
        }
        // Combination 0 is every Pathway fact at its first value: immediate danger YES, an emergency.
        Incident danger = Incident.builder().immediateDanger(Answer.YES).selfHarmRisk(Answer.YES).adultInvolved(Answer.YES)
                .intendedHarm(Answer.YES).consentGiven(Answer.YES).coercionOrBlackmail(Answer.YES).capacityConcern(Answer.YES)
                .atypicalOrViolentContent(Answer.YES).under13SexualActivity(Answer.YES).profitMotive(Answer.YES).parentalRisk(Answer.YES)
                .build();
        assertThat(decider.decide(danger).pathway()).isEqualTo(Pathway.EMERGENCY);
        table.partOf()[0] = handledInternally;
        assertThat(decider.decide(danger).pathway()).as("the corruption is served").isEqualTo(Pathway.HANDLE_INTERNALLY);

        SafetyReport report = SafetyAnalyser.analyse(decider);
        assertThat(report.findings()).extracting(SafetyFinding::property).contains(3, 8);
        assertThat(report.findings()).filteredOn(f -> f.property() == 3).anySatisfy(f ->
                assertThat(f.counterexample()).containsEntry("immediateDanger", "YES"));
    }

    @Test
    void a_served_reason_that_argues_another_pathway_is_found_for_every_combination_that_gets_it() {
        Decider decider = fresh();
        PathwayTable table = decider.pathwayTableToSave();
        Decider.PathwayPart[] parts = table.parts();
        int escalate = -1;
        org.safeguarding.rules.api.Reason internal = null;
        for (int part = 0; part < parts.length; part++) {
            if (parts[part].pathway() == Pathway.ESCALATE && escalate < 0) {
                escalate = part;
            }
            if (parts[part].pathway() == Pathway.HANDLE_INTERNALLY && internal == null) {
                internal = parts[part].reasons()[0];
            }
        }
        Decider.PathwayPart honest = parts[escalate];
        org.safeguarding.rules.api.Reason[] reasons = java.util.Arrays.copyOf(honest.reasons(), honest.reasons().length + 1);
        reasons[reasons.length - 1] = internal;
        parts[escalate] = new Decider.PathwayPart(honest.pathway(), honest.provisional(), reasons);
        long served = 0;
        for (int answer : table.partOf()) {
            served += answer == escalate ? 1 : 0;
        }

        SafetyReport report = SafetyAnalyser.analyse(decider);
        long combinations = served;
        String rule = internal.rule();
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.property()).isEqualTo(10);
            assertThat(f.message()).contains("the decision is ESCALATE but rule " + rule + ", given as a reason, says HANDLE_INTERNALLY");
            assertThat(f.combinations()).isEqualTo(combinations);
        });
    }

    @Test
    void a_provisional_flag_served_wrong_is_found() {
        Decider decider = fresh();
        Decider.PathwayPart[] parts = decider.pathwayTableToSave().parts();
        int provisional = -1;
        for (int part = 0; part < parts.length && provisional < 0; part++) {
            if (parts[part].pathway() == Pathway.ESCALATE && parts[part].provisional()) {
                provisional = part;
            }
        }
        Decider.PathwayPart honest = parts[provisional];
        parts[provisional] = new Decider.PathwayPart(honest.pathway(), false, honest.reasons());

        SafetyReport report = SafetyAnalyser.analyse(decider);
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.property()).isEqualTo(7);
            assertThat(f.message()).contains("could change the pathway, but the decision is not marked provisional");
        });
    }

    @Test
    void one_corrupted_memoised_outcome_is_found() throws Exception {
        Decider decider = fresh();
        Incident ordinary = Incident.builder().immediateDanger(Answer.NO).consentGiven(Answer.NO).build();
        assertThat(decider.decide(ordinary).actionCodes()).contains(ActionCode.DO_NOT_VIEW_IMAGERY);
        assertThat(memo(decider).size()).isEqualTo(1);
        dropFromEveryRemembered(decider, ActionCode.DO_NOT_VIEW_IMAGERY);
        assertThat(decider.decide(ordinary).actionCodes()).as("the corruption is served").doesNotContain(ActionCode.DO_NOT_VIEW_IMAGERY);

        SafetyReport report = SafetyAnalyser.analyse(decider);
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.property()).isEqualTo(6);
            assertThat(f.message()).contains("DO_NOT_VIEW_IMAGERY");
        });
    }

    /**
     * The proof walks the facts only the Actions table reads block by block, holding the other
     * blocks still, which stands on the served actions being the union of what each row gives. A
     * remembered outcome that breaks that, for facts other than the ones held still, is found too.
     */
    @Test
    void a_corrupted_outcome_away_from_the_held_facts_is_found() throws Exception {
        Decider decider = fresh();
        Incident onTheOrganisationsDevice = Incident.builder().immediateDanger(Answer.NO).consentGiven(Answer.NO)
                .device(org.safeguarding.rules.api.Device.ORGANISATION).build();
        assertThat(decider.decide(onTheOrganisationsDevice).actionCodes()).contains(ActionCode.ISOLATE_DEVICE, ActionCode.RECORD_INCIDENT);
        dropFromEveryRemembered(decider, ActionCode.RECORD_INCIDENT);
        assertThat(decider.decide(onTheOrganisationsDevice).actionCodes()).as("the corruption is served").doesNotContain(ActionCode.RECORD_INCIDENT);

        SafetyReport report = SafetyAnalyser.analyse(decider);
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.property()).isEqualTo(13);
            assertThat(f.message()).contains("not those the rows that fire give").contains("DEVICE");
        });
    }

    /** Corrupts the decider's memo of assembled actions: every outcome it remembers loses this action. */
    private static void dropFromEveryRemembered(Decider decider, ActionCode code) throws ReflectiveOperationException {
        memo(decider).replaceAll(part -> new Decider.ActionsPart(part.actions().stream().filter(a -> a.code() != code).toList(), part.reasons()));
    }

    @SuppressWarnings("unchecked")
    private static PartMemo<Decider.ActionsPart> memo(Decider decider) throws ReflectiveOperationException {
        Field assembly = Decider.class.getDeclaredField("assembly");
        assembly.setAccessible(true);
        Field field = OutcomeAssembly.class.getDeclaredField("actionParts");
        field.setAccessible(true);
        return (PartMemo<Decider.ActionsPart>) field.get(assembly.get(decider));
    }

    /** The shipped index as the build saved it. */
    private static final class ProvenRuleSetBytes {
        static final byte[] SHIPPED = read();

        private static byte[] read() {
            try (var in = ProvenRuleSet.class.getClassLoader().getResourceAsStream("org/safeguarding/rules/bundled-tables.index")) {
                return in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
