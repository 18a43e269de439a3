package org.safeguarding.rules.analysis;

import org.safeguarding.rules.api.SafetyReport;
import org.safeguarding.rules.api.SafetyFinding;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.safeguarding.rules.engine.Decider;
import org.safeguarding.rules.engine.RuleSetCompiler;
import org.safeguarding.rules.tables.EditedWorkbook;
import org.safeguarding.rules.tables.RuleTables;
import org.safeguarding.rules.tables.TableTemplate;
import org.safeguarding.rules.tables.WorkbookReader;

/** The safety properties over the full fact space: the shipped tables pass, and each kind of unsafe edit fails. */
class SafetyAnalyserTest {
    /** The Actions sheet's "Pathway" condition column. */
    private static final int ACTIONS_PATHWAY = java.util.stream.IntStream.range(0, TableTemplate.ACTIONS.columns().size())
            .filter(c -> TableTemplate.ACTIONS.columns().get(c).input().equals("pathway")).findFirst().orElseThrow();

    private static final int PATHWAY_OUTCOME = TableTemplate.PATHWAY.column(org.safeguarding.rules.tables.ColumnKind.OUTCOME);
    private static final int ACTION_OUTCOME = TableTemplate.ACTIONS.column(org.safeguarding.rules.tables.ColumnKind.OUTCOME);

    static SafetyReport analyse(EditedWorkbook workbook) {
        RuleTables tables = WorkbookReader.read(List.of(workbook.toWorkbook())).tables().orElseThrow();
        RuleSetCompiler.Result compiled = RuleSetCompiler.compile(tables);
        assertThat(compiled.problems()).isEmpty();
        return SafetyAnalyser.analyse(new Decider(tables, new org.safeguarding.rules.engine.DroolsFiring(compiled.base())));
    }

    @Test
    void shipped_tables_are_safe_over_every_combination() {
        SafetyReport report = analyse(EditedWorkbook.ofShipped());
        assertThat(report.findings()).isEmpty();
        assertThat(report.pathwayCombinations()).isEqualTo(177_147); // 3^11: every value of every Pathway fact
        assertThat(report.actionCombinations()).isPositive();
    }

    /** Issue 25: a new row that some other rule always overrules was passed in silence. */
    @Test
    void a_row_that_another_rule_always_overrules_is_named_with_the_rule_that_decides() {
        SafetyReport report = analyse(EditedWorkbook.ofShipped().set("Pathway", "A31", "P-23")
                .set("Pathway", "B31", "Immediate danger: refer").set("Pathway", "C31", "ESCALATE").set("Pathway", "D31", "YES")
                .set("Pathway", "O31", "Our policy, section 2"));
        assertThat(report.findings()).isEmpty();
        assertThat(report.hygiene()).anySatisfy(h -> {
            assertThat(h.kind()).isEqualTo(org.safeguarding.rules.api.HygieneFinding.Kind.NEVER_DECIDES);
            assertThat(h.rule().id()).isEqualTo("P-23");
            assertThat(h.message()).contains("Rule P-23 never changes a decision: P-01 already decides every incident it covers",
                    "a child is in immediate danger");
        });
    }

    @Test
    void missing_consent_handled_internally_is_laxer_than_the_guidance() {
        SafetyReport report = analyse(EditedWorkbook.ofShipped().setRule(TableTemplate.PATHWAY, "P-09", PATHWAY_OUTCOME, "HANDLE_INTERNALLY"));
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.property()).isEqualTo(8);
            assertThat(f.counterexample()).containsEntry("consentGiven", "NO").containsEntry("immediateDanger", "NO");
            assertThat(f.rules()).extracting(SafetyFinding.RuleLocation::id).contains("P-09");
            assertThat(f.rules()).extracting(SafetyFinding.RuleLocation::row).contains(17);
        });
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.sheet()).isEqualTo("Pathway");
            assertThat(p.cell()).isEqualTo("A17");
            assertThat(p.message()).contains("safety property 8", "not everyone consented (consentGiven)", "not everyone consented");
        });
    }

    /** Issue 28: one fault, one finding. An Actions row is a reason for an action, not for a pathway: property 4 covers it. */
    @Test
    void an_escalation_that_also_says_handle_it_internally_fails_property_4_once() {
        SafetyReport report = analyse(EditedWorkbook.ofShipped().setRule(TableTemplate.ACTIONS, "A-03", ACTION_OUTCOME, "HANDLE_WITHIN_ORGANISATION"));
        // (The words of texts shown beside the changed actions are checked too: property 12 may also speak, of the texts.)
        assertThat(report.findings()).filteredOn(f -> f.property() != 12).singleElement().satisfies(f -> {
            assertThat(f.property()).isEqualTo(4);
            assertThat(f.message()).contains("HANDLE_WITHIN_ORGANISATION");
            assertThat(f.rules()).extracting(SafetyFinding.RuleLocation::id).containsExactly("A-03");
        });
    }

    @Test
    void call_999_not_listed_first_fails_property_9() {
        EditedWorkbook edited = EditedWorkbook.ofShipped().set(TableTemplate.ACTION_TEXTS_SHEET, "A2", "INITIAL_REVIEW_MEETING")
                .set(TableTemplate.ACTION_TEXTS_SHEET, "A3", "CALL_999");
        SafetyReport report = analyse(edited);
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.property()).isEqualTo(9);
            assertThat(f.message()).contains("CALL_999 is not the first row");
        });
    }

    @Test
    void immediate_danger_without_999_fails_property_9() {
        SafetyReport report = analyse(EditedWorkbook.ofShipped().setRule(TableTemplate.ACTIONS, "A-01", ACTION_OUTCOME, "REPORT_TO_POLICE"));
        // One fault, one finding: property 3 (CALL_999 if and only if EMERGENCY) says it, in the words of danger.
        assertThat(report.findings()).filteredOn(f -> f.property() != 12).singleElement().satisfies(f -> {
            assertThat(f.property()).isEqualTo(3);
            assertThat(f.message()).contains("a child in immediate danger", "does not include CALL_999");
        });
    }

    @Test
    void immediate_danger_not_an_emergency_fails_property_3() {
        SafetyReport report = analyse(EditedWorkbook.ofShipped().setRule(TableTemplate.PATHWAY, "P-01", PATHWAY_OUTCOME, "ESCALATE"));
        assertThat(report.findings()).extracting(SafetyFinding::property).contains(3);
    }

    @Test
    void an_adult_lowering_the_pathway_is_not_monotone() {
        SafetyReport report = analyse(EditedWorkbook.ofShipped().setRule(TableTemplate.PATHWAY, "P-05", PATHWAY_OUTCOME, "HANDLE_INTERNALLY"));
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.property()).isEqualTo(2);
            assertThat(f.message()).contains("adultInvolved", "UNKNOWN to YES", "from ESCALATE to HANDLE_INTERNALLY");
        });
    }

    @Test
    void removing_the_internal_rule_leaves_combinations_without_a_pathway() {
        EditedWorkbook edited = EditedWorkbook.ofShipped();
        String idCell = edited.cellOf("Pathway", "P-22", 0);
        int row = Integer.parseInt(idCell.substring(1));
        for (int c = 0; c < TableTemplate.PATHWAY.columns().size(); c++) {
            edited.set("Pathway", new org.apache.poi.ss.util.CellReference(row - 1, c).formatAsString(false), "");
        }
        SafetyReport report = analyse(edited);
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.property()).isEqualTo(1);
            assertThat(f.combinations()).isEqualTo(2); // everything safe, parentalRisk NO or UNKNOWN
        });
    }

    @Test
    void call_999_outside_emergency_fails_property_3() {
        SafetyReport report = analyse(EditedWorkbook.ofShipped().set("Actions",
                EditedWorkbook.ofShipped().cellOf("Actions", "A-01", ACTIONS_PATHWAY), "ESCALATE"));
        assertThat(report.findings()).extracting(SafetyFinding::property).contains(3);
    }

    @Test
    void deletion_when_referring_fails_property_4() {
        EditedWorkbook edited = EditedWorkbook.ofShipped();
        SafetyReport report = analyse(edited.set("Actions", edited.cellOf("Actions", "A-14", ACTIONS_PATHWAY), ""));
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.property()).isEqualTo(4);
            assertThat(f.message()).contains("REQUEST_DELETION");
            assertThat(f.rules()).extracting(SafetyFinding.RuleLocation::id).contains("A-14");
        });
    }

    @Test
    void involving_parents_who_are_a_risk_fails_property_5() {
        EditedWorkbook edited = EditedWorkbook.ofShipped();
        int parentalRisk = TableTemplate.ACTIONS.conditionInputs().indexOf("parentalRisk") + TableTemplate.ACTIONS.firstConditionColumn();
        SafetyReport report = analyse(edited.set("Actions", edited.cellOf("Actions", "A-20", parentalRisk), ""));
        assertThat(report.findings()).extracting(SafetyFinding::property).contains(5);
    }

    @Test
    void losing_do_not_view_fails_property_6() {
        SafetyReport report = analyse(EditedWorkbook.ofShipped().setRule(TableTemplate.ACTIONS, "A-15", ACTION_OUTCOME, "ONGOING_SUPPORT"));
        // Every possible incident: each fact takes every value, but for the links: staff and a threat leave 7 of each
        // pair's 9, and the imagery's origin with consent 10 of 15 (made by software: no consent; a request: known).
        long everyIncident = combinationsOfAllBut(java.util.Set.of()) * 7 * 7 * 10;
        assertThat(report.actionCombinations()).isEqualTo(everyIncident);
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.property()).isEqualTo(6);
            assertThat(f.message()).contains("DO_NOT_VIEW_IMAGERY");
            assertThat(f.combinations()).isEqualTo(everyIncident);
        });
    }

    @Test
    void a_lost_lado_row_is_counted_over_every_incident_it_affects() {
        // The Actions step walks the facts only it reads block by block: the count must still be every incident with
        // adult staff involved (and so an adult) but no young member of staff (whose own rule still tells the LADO),
        // whatever the other blocks hold.
        SafetyReport report = analyse(EditedWorkbook.ofShipped().setRule(TableTemplate.ACTIONS, "A-29", ACTION_OUTCOME, "ONGOING_SUPPORT"));
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.property()).isEqualTo(11);
            assertThat(f.combinations()).isEqualTo(combinationsOfAllBut(java.util.Set.of("staffOrVolunteerUnder18")) * 7 * 2 * 10);
        });
    }

    /** How many combinations the facts have, but for the six tied by links and those named. */
    private static long combinationsOfAllBut(java.util.Set<String> named) {
        long product = 1;
        for (org.safeguarding.rules.api.Fact fact : org.safeguarding.rules.api.Fact.values()) {
            if (!named.contains(fact.fieldName()) && !java.util.Set.of("adultIsStaffOrVolunteer", "adultInvolved", "threatToShare",
                    "coercionOrBlackmail", "imageryOrigin", "consentGiven").contains(fact.fieldName())) {
                product *= fact.domain().size();
            }
        }
        return product;
    }

    @Test
    void a_question_removed_fails_the_question_check() {
        EditedWorkbook edited = EditedWorkbook.ofShipped();
        int askAbout = TableTemplate.QUESTIONS.column(org.safeguarding.rules.tables.ColumnKind.OUTCOME);
        SafetyReport report = analyse(edited.setRule(TableTemplate.QUESTIONS, "Q-15", askAbout, "sharing"));
        // Every incident with the device not known: each fact takes every value, but for the links (staff needs an
        // adult involved, a threat to share is blackmail: 7 of each pair's 9; the imagery's origin and consent: 10 of 15).
        long others = 1;
        for (org.safeguarding.rules.api.Fact fact : org.safeguarding.rules.api.Fact.values()) {
            if (!java.util.Set.of("device", "adultIsStaffOrVolunteer", "adultInvolved", "threatToShare", "coercionOrBlackmail",
                    "imageryOrigin", "consentGiven").contains(fact.fieldName())) {
                others *= fact.domain().size();
            }
        }
        long deviceUnknown = others * 7 * 7 * 10;
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.property()).isEqualTo(7);
            assertThat(f.message()).contains("no question about device");
            assertThat(f.combinations()).isEqualTo(deviceUnknown);
        });
    }

    @Test
    void a_question_asked_only_while_another_fact_is_unknown_fails_for_the_values_of_that_fact() {
        // Q-15 asks about the device only while sharing is not known either: told the sharing, the device goes unasked.
        // The question check goes fact by fact, so it must still try every class of what the row reads.
        SafetyReport report = analyse(EditedWorkbook.ofShipped().setRule(TableTemplate.QUESTIONS, "Q-15",
                TableTemplate.QUESTIONS.firstConditionColumn() + TableTemplate.QUESTIONS.conditionInputs().indexOf("sharing"), "UNKNOWN"));
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.property()).isEqualTo(7);
            assertThat(f.message()).contains("no question about device");
            assertThat(f.counterexample()).containsEntry("device", "UNKNOWN").doesNotContainEntry("sharing", "UNKNOWN");
        });
    }

    @Test
    void stricter_tables_are_allowed() {
        // An organisation that refers every incident (P-21 with its condition cleared) is stricter, never laxer.
        EditedWorkbook edited = EditedWorkbook.ofShipped().setRule(TableTemplate.PATHWAY, "P-21",
                TableTemplate.PATHWAY.conditionInputs().indexOf("parentalRisk") + TableTemplate.PATHWAY.firstConditionColumn(), "");
        assertThat(analyse(edited).findings()).isEmpty();
    }
}
