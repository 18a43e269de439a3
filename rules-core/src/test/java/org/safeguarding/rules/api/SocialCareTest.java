package org.safeguarding.rules.api;

import org.safeguarding.rules.DecisionEngine;
import org.safeguarding.rules.RuleSet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.safeguarding.rules.tables.EditedWorkbook;

/**
 * A child already known to children's social care (KCSIE 2025, Part 2): a child in need, on a
 * child protection plan or looked after has a social worker, who is told; a looked-after child's
 * virtual school head is told too. It adds to the advice and never changes the pathway.
 */
class SocialCareTest {

    @Test
    void each_status_tells_whom_the_guidance_names_and_nobody_else() {
        Incident.Builder safe = Incident.builder().immediateDanger(Answer.NO).selfHarmRisk(Answer.NO).adultInvolved(Answer.NO)
                .intendedHarm(Answer.NO).consentGiven(Answer.YES).coercionOrBlackmail(Answer.NO).capacityConcern(Answer.NO)
                .atypicalOrViolentContent(Answer.NO).under13SexualActivity(Answer.NO).profitMotive(Answer.NO).parentalRisk(Answer.NO)
                .childDistressed(Answer.NO).adultIsStaffOrVolunteer(Answer.NO).threatToShare(Answer.NO).onlineContact(Answer.NO)
                .staffOrVolunteerUnder18(Answer.NO).imageryOrigin(ImageryOrigin.TAKEN).mediaType(MediaType.IMAGE)
                .sharing(Sharing.NOT_SHARED).device(Device.PERSONAL);
        Recommendation none = Engines.bundled().decide(safe.socialCareStatus(SocialCareStatus.NONE).build());
        assertThat(none.pathway()).isEqualTo(Pathway.HANDLE_INTERNALLY);
        assertThat(none.actionCodes()).doesNotContain(ActionCode.INFORM_SOCIAL_WORKER, ActionCode.INFORM_VIRTUAL_SCHOOL_HEAD);
        assertThat(none.questions()).isEmpty();
        for (SocialCareStatus status : List.of(SocialCareStatus.CHILD_IN_NEED, SocialCareStatus.CHILD_PROTECTION_PLAN)) {
            Recommendation r = Engines.bundled().decide(safe.socialCareStatus(status).build());
            assertThat(r.pathway()).isEqualTo(Pathway.HANDLE_INTERNALLY);
            assertThat(r.actionCodes()).contains(ActionCode.INFORM_SOCIAL_WORKER).doesNotContain(ActionCode.INFORM_VIRTUAL_SCHOOL_HEAD);
            assertThat(r.actions()).filteredOn(a -> a.code() == ActionCode.INFORM_SOCIAL_WORKER).singleElement()
                    .satisfies(a -> assertThat(a.text()).contains("social worker"));
        }
        Recommendation lookedAfter = Engines.bundled().decide(safe.socialCareStatus(SocialCareStatus.LOOKED_AFTER).build());
        assertThat(lookedAfter.actionCodes()).contains(ActionCode.INFORM_SOCIAL_WORKER, ActionCode.INFORM_VIRTUAL_SCHOOL_HEAD);
        assertThat(lookedAfter.actions()).filteredOn(a -> a.code() == ActionCode.INFORM_VIRTUAL_SCHOOL_HEAD).singleElement()
                .satisfies(a -> assertThat(a.text()).contains("virtual school head"));
        assertThat(lookedAfter.ruleIds()).contains("A-37", "A-38");
        Recommendation unknown = Engines.bundled().decide(safe.socialCareStatus(SocialCareStatus.UNKNOWN).build());
        assertThat(unknown.questionCodes()).containsExactly(Fact.SOCIAL_CARE_STATUS);
        assertThat(unknown.ruleIds()).contains("Q-20");
    }

    @Test
    void whatever_else_is_known_the_status_never_changes_the_pathway() {
        Random random = new Random(65);
        for (int i = 0; i < 2_000; i++) {
            Incident.Builder incident = RandomIncidents.facts(random);
            Recommendation none = Engines.bundled().decide(incident.socialCareStatus(SocialCareStatus.NONE).build());
            for (SocialCareStatus status : SocialCareStatus.values()) {
                Recommendation r = Engines.bundled().decide(incident.socialCareStatus(status).build());
                assertThat(r.pathway()).isEqualTo(none.pathway());
                assertThat(r.provisional()).isEqualTo(none.provisional());
                assertThat(r.has(ActionCode.INFORM_SOCIAL_WORKER)).isEqualTo(status != SocialCareStatus.NONE && status != SocialCareStatus.UNKNOWN);
                assertThat(r.has(ActionCode.INFORM_VIRTUAL_SCHOOL_HEAD)).isEqualTo(status == SocialCareStatus.LOOKED_AFTER);
            }
        }
    }

    @Test
    void a_workbook_made_before_the_column_still_decides_as_it_did_and_says_where_the_column_goes() throws Exception {
        RuleSet old = EarlierWorkbooks.proven("before-social-care");
        assertThat(EarlierWorkbooks.whereColumnsGo(old, "Social care status")).containsExactlyInAnyOrder("Actions!P8", "Questions!U8");
        DecisionEngine was = old.prove();
        EarlierWorkbooks.decideAsBefore(was, 66, incident -> incident.socialCareStatus(SocialCareStatus.UNKNOWN)
                .onlineContact(Answer.UNKNOWN).staffOrVolunteerUnder18(Answer.NO).imageryOrigin(ImageryOrigin.TAKEN),
                q -> q == Fact.SOCIAL_CARE_STATUS || q == Fact.ONLINE_CONTACT);
    }

    @Test
    void the_analysis_refuses_tables_that_leave_out_the_social_worker_or_the_question() {
        // A-37 (looked after: the social worker) turned into a second child-in-need row: a looked-after child's
        // social worker is no longer told, although the virtual school head still is.
        SafetyReport noSocialWorker = EarlierWorkbooks.analyse(EditedWorkbook.ofShipped().set("Actions", "P45", "CHILD_IN_NEED"));
        assertThat(noSocialWorker.findings()).anySatisfy(f -> {
            assertThat(f.property()).isEqualTo(15);
            assertThat(f.message()).contains("LOOKED_AFTER", "INFORM_SOCIAL_WORKER");
            assertThat(f.counterexample()).containsEntry("socialCareStatus", "LOOKED_AFTER");
        });
        SafetyReport noQuestion = EarlierWorkbooks.analyse(EditedWorkbook.ofShipped().set("Questions", "U28", "NONE"));
        assertThat(noQuestion.findings()).anySatisfy(f -> {
            assertThat(f.property()).isEqualTo(7);
            assertThat(f.message()).contains("socialCareStatus");
        });
    }
}
