package org.safeguarding.rules.api;

import org.safeguarding.rules.RuleSet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.safeguarding.rules.tables.ColumnKind;
import org.safeguarding.rules.tables.EditedWorkbook;
import org.safeguarding.rules.tables.TableTemplate;

/**
 * KCSIE Part 4: when the adult involved works or volunteers for the setting, the LADO and the
 * headteacher (or the chair of governors) are told, whatever else is decided. A member of staff
 * is an adult involved, so the pathway follows from adultInvolved as before.
 */
class StaffAllegationsTest {
    private static final Incident STAFF = Incident.builder().immediateDanger(Answer.NO).selfHarmRisk(Answer.NO)
            .intendedHarm(Answer.NO).consentGiven(Answer.YES).coercionOrBlackmail(Answer.NO).capacityConcern(Answer.NO)
            .atypicalOrViolentContent(Answer.NO).under13SexualActivity(Answer.NO).profitMotive(Answer.NO)
            .parentalRisk(Answer.NO).adultInvolved(Answer.YES).adultIsStaffOrVolunteer(Answer.YES).build();

    @Test
    void a_member_of_staff_involved_means_the_LADO_and_the_headteacher_are_told_citing_KCSIE() {
        Recommendation r = Engines.bundled().decide(STAFF);
        assertThat(r.pathway()).isEqualTo(Pathway.ESCALATE);
        assertThat(r.actionCodes()).contains(ActionCode.REFER_LADO, ActionCode.INFORM_HEADTEACHER, ActionCode.REPORT_TO_POLICE,
                ActionCode.REPORT_TO_CEOP);
        assertThat(r.actions()).filteredOn(a -> a.code() == ActionCode.REFER_LADO).singleElement().satisfies(a -> {
            assertThat(a.text()).contains("LADO", "one working day", "Do not investigate");
            assertThat(a.guidance()).contains("KCSIE", "Part 4");
        });
        assertThat(r.actions()).filteredOn(a -> a.code() == ActionCode.INFORM_HEADTEACHER).singleElement()
                .satisfies(a -> assertThat(a.text()).contains("headteacher", "chair of governors"));
        assertThat(r.ruleIds()).contains("A-29", "A-30");
        assertThat(r.questionCodes()).doesNotContain(Fact.ADULT_IS_STAFF_OR_VOLUNTEER);
    }

    @Test
    void a_volunteer_aged_17_gets_a_true_reason_not_an_adult_of_18() {
        Recommendation r = Engines.bundled().decide(STAFF.toBuilder().adultInvolved(Answer.NO)
                .person(Role.SENDER, 17).person(Role.RECIPIENT, 15).build());
        assertThat(r.actionCodes()).contains(ActionCode.REFER_LADO, ActionCode.INFORM_HEADTEACHER);
        assertThat(r.reasons()).filteredOn(reason -> reason.rule().equals("P-05")).singleElement()
                .satisfies(reason -> assertThat(reason.text()).contains("works or volunteers for the setting"));
        assertThat(r.warnings()).singleElement().satisfies(w -> assertThat(w.message()).contains("whatever their age"));
    }

    @Test
    void staff_said_with_no_adult_involved_is_decided_as_an_adult_involved_with_a_warning() {
        Recommendation r = Engines.bundled().decide(STAFF.toBuilder().adultInvolved(Answer.NO).build());
        assertThat(r.derivedFacts()).containsEntry(Fact.ADULT_INVOLVED, Answer.YES);
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.field()).isEqualTo("adultInvolved");
            assertThat(w.message()).contains("adultIsStaffOrVolunteer is true");
        });
        assertThat(r.pathway()).isEqualTo(Pathway.ESCALATE);
        assertThat(r.actionCodes()).contains(ActionCode.REFER_LADO, ActionCode.REPORT_TO_CEOP);
    }

    @Test
    void whether_the_adult_is_staff_is_asked_only_while_an_adult_is_or_may_be_involved() {
        Incident unknownStaff = STAFF.toBuilder().adultIsStaffOrVolunteer(Answer.UNKNOWN).build();
        assertThat(Engines.bundled().decide(unknownStaff).questionCodes()).contains(Fact.ADULT_IS_STAFF_OR_VOLUNTEER);
        assertThat(Engines.bundled().decide(unknownStaff).actionCodes()).doesNotContain(ActionCode.REFER_LADO);
        assertThat(Engines.bundled().decide(unknownStaff.toBuilder().adultInvolved(Answer.UNKNOWN).build()).questionCodes())
                .contains(Fact.ADULT_INVOLVED, Fact.ADULT_IS_STAFF_OR_VOLUNTEER);
        Recommendation noAdult = Engines.bundled().decide(unknownStaff.toBuilder().adultInvolved(Answer.NO).build());
        assertThat(noAdult.questionCodes()).doesNotContain(Fact.ADULT_IS_STAFF_OR_VOLUNTEER);
        assertThat(noAdult.actionCodes()).doesNotContain(ActionCode.REFER_LADO, ActionCode.INFORM_HEADTEACHER);
        Recommendation notStaff = Engines.bundled().decide(STAFF.toBuilder().adultIsStaffOrVolunteer(Answer.NO).build());
        assertThat(notStaff.actionCodes()).doesNotContain(ActionCode.REFER_LADO, ActionCode.INFORM_HEADTEACHER)
                .contains(ActionCode.REPORT_TO_POLICE);
    }

    @Test
    void tables_that_do_not_tell_the_LADO_about_staff_are_refused_with_an_example() {
        int action = TableTemplate.ACTIONS.column(ColumnKind.OUTCOME);
        byte[] withoutLado = EditedWorkbook.ofShipped().setRule(TableTemplate.ACTIONS, "A-29", action, "ONGOING_SUPPORT").bytes();
        RuleSet.Review review = RuleSet.review(List.of(new Workbook(EditedWorkbook.NAME, withoutLado)), List.of(), Optional.empty());
        assertThat(review.passed()).isEmpty();
        assertThat(review.report().safety().orElseThrow().findings()).singleElement().satisfies(f -> {
            assertThat(f.property()).isEqualTo(11);
            assertThat(f.message()).contains("REFER_LADO");
            assertThat(f.counterexample()).containsEntry("adultIsStaffOrVolunteer", "YES").containsEntry("adultInvolved", "YES");
        });
    }

    @Test
    void a_LADO_rule_that_only_reads_staff_never_needs_adult_involved_too() {
        // Staff with adultInvolved not YES never reaches the Actions table (it is derived), so a rule
        // reading only the staff column is enough: the analysis does not ask for the impossible.
        RuleSet.Review review = RuleSet.review(Workbook.bundled(), List.of(), Optional.empty());
        assertThat(review.report().safety().orElseThrow().findings()).isEmpty();
    }
}
