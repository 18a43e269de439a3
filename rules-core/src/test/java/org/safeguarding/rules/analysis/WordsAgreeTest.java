package org.safeguarding.rules.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.safeguarding.rules.api.Action;
import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.DecisionEngine;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Pathway;
import org.safeguarding.rules.api.Problem;
import org.safeguarding.rules.api.RandomIncidents;
import org.safeguarding.rules.api.Recommendation;
import org.safeguarding.rules.api.Role;
import org.safeguarding.rules.api.SafetyReport;
import org.safeguarding.rules.tables.EditedWorkbook;

/**
 * Safety property 12, from both sides: the shipped words agree with every decision over random
 * incidents, and a lead's edit that makes a text name a service the decision does not involve,
 * or tell parents too soon, or tell staff to handle the imagery, is refused naming the cell.
 */
class WordsAgreeTest {
    private static final DecisionEngine SHIPPED = DecisionEngine.bundled();

    @Test
    void over_random_incidents_no_text_names_a_service_as_certain_that_the_actions_do_not_include() {
        Random random = new Random(23);
        int firmEscalations = 0;
        for (int i = 0; i < 20_000; i++) {
            Incident incident = RandomIncidents.withRandomPeople(random);
            Recommendation r = SHIPPED.decide(incident);
            List<ActionCode> codes = r.actionCodes();
            for (String text : texts(r)) {
                for (TextWords.Service service : TextWords.of(text).services()) {
                    assertThat(service.involvedIn(codes)).as("%s names %s for %s", text, service, codes).isTrue();
                }
                assertThat(TextWords.of(text).handlesImagery()).as(text).isFalse();
            }
            Action preserve = r.actions().stream().filter(a -> a.code() == ActionCode.PRESERVE_EVIDENCE).findFirst().orElse(null);
            if (preserve != null && !codes.contains(ActionCode.REPORT_TO_POLICE)) {
                assertThat(preserve.text()).doesNotContain("for the police");
            }
            if (codes.contains(ActionCode.REFER_LADO)) {
                r.actions().stream().filter(a -> a.code() == ActionCode.INVOLVE_PARENTS)
                        .forEach(a -> assertThat(a.text()).contains("agree with them what the parents are told"));
            }
            if (r.pathway() == Pathway.ESCALATE && !r.provisional()) {
                firmEscalations++;
                if (!codes.contains(ActionCode.REPORT_TO_POLICE)) {
                    assertThat(r.summary()).doesNotContain("and the police today");
                }
            }
        }
        assertThat(firmEscalations).isGreaterThan(1_000);
    }

    @Test
    void a_suicidal_child_with_no_police_criterion_hears_of_no_police_as_certain() {
        Recommendation r = SHIPPED.decide(Incident.builder().immediateDanger(Answer.NO).selfHarmRisk(Answer.YES).adultInvolved(Answer.NO)
                .intendedHarm(Answer.NO).consentGiven(Answer.YES).coercionOrBlackmail(Answer.NO).capacityConcern(Answer.NO)
                .atypicalOrViolentContent(Answer.NO).under13SexualActivity(Answer.NO).profitMotive(Answer.NO).parentalRisk(Answer.NO)
                .build());
        assertThat(r.pathway()).isEqualTo(Pathway.ESCALATE);
        assertThat(r.provisional()).isFalse();
        assertThat(r.actionCodes()).doesNotContain(ActionCode.REPORT_TO_POLICE).contains(ActionCode.REFER_CHILDRENS_SOCIAL_CARE);
        assertThat(r.summary()).doesNotContainIgnoringCase("and the police");
        assertThat(r.actions()).filteredOn(a -> a.code() == ActionCode.PRESERVE_EVIDENCE).singleElement()
                .satisfies(a -> assertThat(a.text()).contains("the police if they are involved").contains("agree a plan"));
    }

    @Test
    void an_online_contact_of_unknown_age_brings_ceop_unless_the_review_rules_it_out() {
        Recommendation r = SHIPPED.decide(Incident.builder().immediateDanger(Answer.NO).person(Role.RECIPIENT, 8)
                .person(Role.REQUESTER).build());
        assertThat(r.actionCodes()).contains(ActionCode.REPORT_TO_CEOP, ActionCode.REPORT_TO_POLICE);
        assertThat(r.actions()).filteredOn(a -> a.code() == ActionCode.REPORT_TO_CEOP).singleElement()
                .satisfies(a -> assertThat(a.text()).contains("if the abuse came online", "whose age is not known"));
        assertThat(r.ruleIds()).as("an adult may be involved, the contact may be online").contains("A-43");
    }

    @Test
    void an_edit_that_makes_a_text_name_the_police_as_certain_is_refused_naming_its_cell() {
        SafetyReport report = SafetyAnalyserTest.analyse(EditedWorkbook.ofShipped()
                .set("Action texts", "B5", "Do not delete anything. Keep the device switched off and locked away for the police."));
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.property()).isEqualTo(12);
            assertThat(f.message()).contains("PRESERVE_EVIDENCE", "names the police as certain");
            assertThat(f.counterexample()).containsEntry("pathway", "ESCALATE");
        });
        assertThat(report.problems()).anySatisfy(p -> assertCell(p, "Action texts", "B5"));
    }

    @Test
    void a_summary_that_promises_the_police_is_refused_naming_its_cell() {
        SafetyReport report = SafetyAnalyserTest.analyse(EditedWorkbook.ofShipped()
                .set("Summaries", "C4", "Refer this to children's social care and the police today."));
        assertThat(report.problems()).anySatisfy(p -> {
            assertCell(p, "Summaries", "C4");
            assertThat(p.message()).contains("safety property 12", "names the police as certain");
        });
    }

    @Test
    void telling_parents_in_a_staff_allegation_and_handling_the_imagery_are_refused() {
        // The last INVOLVE_PARENTS row is the ESCALATE wording; make it unconditional again.
        SafetyReport parents = SafetyAnalyserTest.analyse(EditedWorkbook.ofShipped().set("Action texts", "B" + lastRowOf("INVOLVE_PARENTS"),
                "Tell the parents or carers and involve them in supporting the child."));
        assertThat(parents.findings()).anySatisfy(f -> {
            assertThat(f.property()).isEqualTo(12);
            assertThat(f.message()).contains("tells staff to tell the parents");
        });
        SafetyReport imagery = SafetyAnalyserTest.analyse(EditedWorkbook.ofShipped().set("Action texts", "B4",
                "Look at the image yourself and save a copy for the file."));
        assertThat(imagery.problems()).anySatisfy(p -> {
            assertCell(p, "Action texts", "B4");
            assertThat(p.message()).contains("staff never handle it");
        });
    }

    private static int lastRowOf(String code) {
        org.apache.poi.xssf.usermodel.XSSFWorkbook book;
        try {
            book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(EditedWorkbook.shippedBytes()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        int last = -1;
        for (org.apache.poi.ss.usermodel.Row r : book.getSheet("Action texts")) {
            if (r.getCell(0) != null && code.equals(r.getCell(0).toString())) {
                last = r.getRowNum() + 1;
            }
        }
        return last;
    }

    private static void assertCell(Problem p, String sheet, String cell) {
        assertThat(p.sheet()).isEqualTo(sheet);
        assertThat(p.cell()).isEqualTo(cell);
    }

    private static List<String> texts(Recommendation r) {
        List<String> texts = new java.util.ArrayList<>();
        texts.add(r.summary());
        r.actions().forEach(a -> texts.add(a.text()));
        r.questions().forEach(q -> {
            texts.add(q.text());
            texts.add(q.why());
        });
        return texts;
    }
}
