package org.safeguarding.rules.api;

import org.safeguarding.rules.DecisionEngine;
import org.safeguarding.rules.RuleSet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.safeguarding.rules.tables.EditedWorkbook;

/**
 * Who the people are (issue 26, situations 5 and 6). CEOP takes reports of online abuse: an adult or
 * coercion met offline goes to the police alone, while a threat to share goes to CEOP whoever made
 * it. Someone under 18 who works or volunteers for the setting is an allegation for the LADO (KCSIE
 * Part 4) and a child at once. Neither fact ever changes the pathway.
 */
class OnlineContactAndYoungStaffTest {

    private static Incident.Builder established() {
        return Incident.builder().immediateDanger(Answer.NO).selfHarmRisk(Answer.NO).adultInvolved(Answer.NO)
                .intendedHarm(Answer.NO).consentGiven(Answer.YES).coercionOrBlackmail(Answer.NO).capacityConcern(Answer.NO)
                .atypicalOrViolentContent(Answer.NO).under13SexualActivity(Answer.NO).profitMotive(Answer.NO).parentalRisk(Answer.NO)
                .childDistressed(Answer.NO).adultIsStaffOrVolunteer(Answer.NO).threatToShare(Answer.NO).mediaType(MediaType.IMAGE)
                .sharing(Sharing.NOT_SHARED).device(Device.PERSONAL).socialCareStatus(SocialCareStatus.NONE)
                .onlineContact(Answer.NO).staffOrVolunteerUnder18(Answer.NO).imageryOrigin(ImageryOrigin.TAKEN);
    }

    @Test
    void ceop_is_told_of_abuse_that_came_online_or_may_have_and_never_of_abuse_met_offline() {
        Recommendation boyfriend = Engines.bundled().decide(established().adultInvolved(Answer.YES).build());
        assertThat(boyfriend.pathway()).isEqualTo(Pathway.ESCALATE);
        assertThat(boyfriend.actionCodes()).contains(ActionCode.REPORT_TO_POLICE, ActionCode.REFER_CHILDRENS_SOCIAL_CARE)
                .doesNotContain(ActionCode.REPORT_TO_CEOP);
        Recommendation classmates = Engines.bundled().decide(established().coercionOrBlackmail(Answer.YES).build());
        assertThat(classmates.actionCodes()).contains(ActionCode.REPORT_TO_POLICE).doesNotContain(ActionCode.REPORT_TO_CEOP);

        Recommendation online = Engines.bundled().decide(established().adultInvolved(Answer.YES).onlineContact(Answer.YES).build());
        assertThat(online.actionCodes()).contains(ActionCode.REPORT_TO_CEOP);
        assertThat(online.ruleIds()).contains("A-09");
        Recommendation maybeOnline = Engines.bundled().decide(established().adultInvolved(Answer.YES).onlineContact(Answer.UNKNOWN).build());
        assertThat(maybeOnline.actionCodes()).contains(ActionCode.REPORT_TO_CEOP);
        assertThat(maybeOnline.ruleIds()).contains("A-40");
        assertThat(maybeOnline.questionCodes()).contains(Fact.ONLINE_CONTACT);
        assertThat(maybeOnline.actions()).filteredOn(a -> a.code() == ActionCode.REPORT_TO_CEOP).singleElement()
                .satisfies(a -> assertThat(a.text()).contains("if the abuse came online"));
        Recommendation ageUnknownOnline = Engines.bundled().decide(established().adultInvolved(Answer.UNKNOWN).onlineContact(Answer.YES).build());
        assertThat(ageUnknownOnline.actionCodes()).contains(ActionCode.REPORT_TO_CEOP, ActionCode.REPORT_TO_POLICE);

        Recommendation threatOffline = Engines.bundled().decide(established().threatToShare(Answer.YES).build());
        assertThat(threatOffline.actionCodes()).contains(ActionCode.REPORT_TO_CEOP, ActionCode.SEXTORTION_ADVICE);
        assertThat(threatOffline.ruleIds()).contains("A-44");
    }

    @Test
    void a_young_member_of_staff_is_an_allegation_for_the_lado_and_not_made_an_adult() {
        Recommendation consensual = Engines.bundled().decide(established().staffOrVolunteerUnder18(Answer.YES)
                .person(Role.SENDER, 17).person(Role.RECIPIENT, 16).build());
        assertThat(consensual.pathway()).isEqualTo(Pathway.HANDLE_INTERNALLY);
        assertThat(consensual.actionCodes()).contains(ActionCode.REFER_LADO, ActionCode.INFORM_HEADTEACHER)
                .doesNotContain(ActionCode.INVOLVE_PARENTS, ActionCode.REPORT_TO_POLICE);
        assertThat(consensual.derivedFacts()).doesNotContainKey(Fact.ADULT_INVOLVED);
        assertThat(consensual.ruleIds()).contains("A-45", "A-46");
        assertThat(consensual.actions()).filteredOn(a -> a.code() == ActionCode.REFER_LADO).singleElement()
                .satisfies(a -> assertThat(a.text()).contains("under 18", "before you have agreed with the LADO"));
        Recommendation notKnown = Engines.bundled().decide(established().staffOrVolunteerUnder18(Answer.UNKNOWN).build());
        assertThat(notKnown.questionCodes()).containsExactly(Fact.STAFF_OR_VOLUNTEER_UNDER18);
        assertThat(notKnown.actionCodes()).contains(ActionCode.INVOLVE_PARENTS).doesNotContain(ActionCode.REFER_LADO);
    }

    @Test
    void neither_fact_ever_changes_the_pathway() {
        Random random = new Random(69);
        for (int i = 0; i < 2_000; i++) {
            Incident.Builder incident = RandomIncidents.facts(random);
            Recommendation base = Engines.bundled().decide(incident.onlineContact(Answer.NO).staffOrVolunteerUnder18(Answer.NO).build());
            for (Answer online : Answer.values()) {
                for (Answer young : Answer.values()) {
                    Recommendation r = Engines.bundled().decide(incident.onlineContact(online).staffOrVolunteerUnder18(young).build());
                    assertThat(r.pathway()).isEqualTo(base.pathway());
                    assertThat(r.provisional()).isEqualTo(base.provisional());
                    if (young == Answer.YES) {
                        assertThat(r.actionCodes()).contains(ActionCode.REFER_LADO, ActionCode.INFORM_HEADTEACHER);
                    }
                }
            }
        }
    }

    @Test
    void a_workbook_made_before_the_columns_still_decides_as_it_did_and_says_where_they_go() throws Exception {
        RuleSet old = EarlierWorkbooks.proven("before-online-contact");
        assertThat(EarlierWorkbooks.whereColumnsGo(old, "Online contact?", "Staff or volunteer under 18?"))
                .containsExactlyInAnyOrder("Actions!Q8", "Questions!V8", "Actions!Q8", "Questions!V8");
        DecisionEngine was = old.prove();
        EarlierWorkbooks.decideAsBefore(was, 70, incident -> incident.onlineContact(Answer.UNKNOWN).staffOrVolunteerUnder18(Answer.NO)
                .imageryOrigin(ImageryOrigin.TAKEN), q -> q == Fact.ONLINE_CONTACT);
    }

    @Test
    void the_analysis_refuses_tables_that_leave_the_young_member_of_staff_or_the_question_out() {
        // A-45 (a young member of staff: the LADO) turned into the headteacher: the LADO is no longer told.
        SafetyReport noLado = EarlierWorkbooks.analyse(EditedWorkbook.ofShipped().set("Actions", "C53", "INFORM_HEADTEACHER"));
        assertThat(noLado.findings()).anySatisfy(f -> {
            assertThat(f.property()).isEqualTo(11);
            assertThat(f.message()).contains("staffOrVolunteerUnder18", "REFER_LADO");
            assertThat(f.counterexample()).containsEntry("staffOrVolunteerUnder18", "YES").containsEntry("adultIsStaffOrVolunteer", "NO");
        });
        SafetyReport noQuestion = EarlierWorkbooks.analyse(EditedWorkbook.ofShipped().set("Questions", "V29", "NO"));
        assertThat(noQuestion.findings()).anySatisfy(f -> {
            assertThat(f.property()).isEqualTo(7);
            assertThat(f.message()).contains("onlineContact");
        });
    }
}
