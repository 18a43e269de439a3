package org.safeguarding.rules.api;

import org.safeguarding.rules.DecisionEngine;
import org.safeguarding.rules.RuleSet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.safeguarding.rules.tables.EditedWorkbook;

/**
 * Financially motivated sexual extortion (NCA alert to education settings, 2024): someone
 * threatens to share imagery unless the child pays or sends more. A threat is blackmail, so the
 * pathway follows coercionOrBlackmail; the young person gets the advice the NCA gives, and
 * Report Remove before the image spreads.
 */
class ThreatToShareTest {
    private static Incident.Builder safeOtherwise() {
        return Incident.builder().immediateDanger(Answer.NO).selfHarmRisk(Answer.NO)
            .adultInvolved(Answer.NO).intendedHarm(Answer.NO).consentGiven(Answer.YES).coercionOrBlackmail(Answer.NO)
            .capacityConcern(Answer.NO).atypicalOrViolentContent(Answer.NO).under13SexualActivity(Answer.NO).profitMotive(Answer.NO)
            .parentalRisk(Answer.NO).childDistressed(Answer.NO).adultIsStaffOrVolunteer(Answer.NO).mediaType(MediaType.IMAGE)
            .sharing(Sharing.NOT_SHARED).device(Device.PERSONAL).socialCareStatus(SocialCareStatus.NONE);
    }

    @Test
    void a_threat_to_share_is_blackmail_even_when_blackmail_was_answered_no_and_says_so() {
        Recommendation r = Engines.bundled().decide(safeOtherwise().threatToShare(Answer.YES).build());
        assertThat(r.derivedFacts()).containsEntry(Fact.COERCION_OR_BLACKMAIL, Answer.YES);
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.field()).isEqualTo("coercionOrBlackmail");
            assertThat(w.message()).contains("threatToShare", "blackmail");
        });
        assertThat(r.pathway()).isEqualTo(Pathway.ESCALATE);
        assertThat(r.provisional()).isFalse();
        assertThat(r.actionCodes()).contains(ActionCode.SEXTORTION_ADVICE, ActionCode.REPORT_TO_POLICE, ActionCode.REPORT_TO_CEOP,
                ActionCode.REFER_CHILDRENS_SOCIAL_CARE, ActionCode.CHILDLINE_REPORT_REMOVE).doesNotContain(ActionCode.REQUEST_DELETION);
        assertThat(r.actions()).filteredOn(a -> a.code() == ActionCode.SEXTORTION_ADVICE).singleElement().satisfies(a -> {
            assertThat(a.text()).contains("not their fault", "not pay", "stop replying", "not delete", "takeitdown.ncmec.org");
            assertThat(a.guidance()).contains("NCA");
        });
        assertThat(r.ruleIds()).contains("A-33", "A-34");
    }

    @Test
    void nobody_threatening_changes_nothing_and_a_message_gets_no_report_remove() {
        Recommendation none = Engines.bundled().decide(safeOtherwise().threatToShare(Answer.NO).build());
        assertThat(none.pathway()).isEqualTo(Pathway.HANDLE_INTERNALLY);
        assertThat(none.actionCodes()).doesNotContain(ActionCode.SEXTORTION_ADVICE, ActionCode.CHILDLINE_REPORT_REMOVE);
        assertThat(none.warnings()).isEmpty();
        Recommendation message = Engines.bundled().decide(safeOtherwise().threatToShare(Answer.YES).mediaType(MediaType.MESSAGE).build());
        assertThat(message.actionCodes()).contains(ActionCode.SEXTORTION_ADVICE).doesNotContain(ActionCode.CHILDLINE_REPORT_REMOVE);
    }

    @Test
    void whatever_else_is_known_a_threat_gets_the_advice_the_police_and_CEOP_and_is_never_handled_internally() {
        Random random = new Random(26);
        for (int i = 0; i < 3_000; i++) {
            Recommendation r = Engines.bundled().decide(RandomIncidents.facts(random).threatToShare(Answer.YES).build());
            assertThat(r.pathway()).isNotEqualTo(Pathway.HANDLE_INTERNALLY);
            assertThat(r.actionCodes()).contains(ActionCode.SEXTORTION_ADVICE, ActionCode.REPORT_TO_POLICE, ActionCode.REPORT_TO_CEOP);
        }
    }

    @Test
    void asked_while_blackmail_is_possible_and_not_once_it_is_ruled_out() {
        Recommendation unknown = Engines.bundled().decide(safeOtherwise().coercionOrBlackmail(Answer.UNKNOWN).threatToShare(Answer.UNKNOWN).build());
        assertThat(unknown.questionCodes()).contains(Fact.COERCION_OR_BLACKMAIL, Fact.THREAT_TO_SHARE);
        assertThat(unknown.ruleIds()).contains("Q-19");
        Recommendation blackmail = Engines.bundled().decide(safeOtherwise().coercionOrBlackmail(Answer.YES).threatToShare(Answer.UNKNOWN).build());
        assertThat(blackmail.questionCodes()).containsExactly(Fact.THREAT_TO_SHARE, Fact.ONLINE_CONTACT, Fact.STAFF_OR_VOLUNTEER_UNDER18,
                Fact.IMAGERY_ORIGIN);
        Recommendation ruledOut = Engines.bundled().decide(safeOtherwise().coercionOrBlackmail(Answer.NO).threatToShare(Answer.UNKNOWN).build());
        assertThat(ruledOut.questionCodes()).doesNotContain(Fact.THREAT_TO_SHARE);
    }

    @Test
    void a_workbook_made_before_the_column_still_decides_as_it_did() throws Exception {
        RuleSet old = EarlierWorkbooks.proven("before-threat-to-share");
        // It cannot say what a threat needs, and the lead is told where the column goes.
        assertThat(EarlierWorkbooks.whereColumnsGo(old, "Threat to share?")).containsExactlyInAnyOrder("Actions!O8", "Questions!T8");
        DecisionEngine was = old.prove();
        // Nor a column for the facts added after it: left not yet known, or held where they decide as before.
        EarlierWorkbooks.decideAsBefore(was, 23, incident -> incident.threatToShare(Answer.UNKNOWN).socialCareStatus(SocialCareStatus.UNKNOWN)
                .onlineContact(Answer.UNKNOWN).staffOrVolunteerUnder18(Answer.NO).imageryOrigin(ImageryOrigin.TAKEN),
                q -> q == Fact.THREAT_TO_SHARE || q == Fact.SOCIAL_CARE_STATUS || q == Fact.ONLINE_CONTACT);
        // A threat is still blackmail: the referral, the police and CEOP, as before the column.
        Recommendation threat = was.decide(safeOtherwise().threatToShare(Answer.YES).build());
        assertThat(threat.actionCodes()).contains(ActionCode.REPORT_TO_POLICE, ActionCode.REPORT_TO_CEOP)
                .doesNotContain(ActionCode.SEXTORTION_ADVICE);
    }

    @Test
    void the_analysis_refuses_tables_that_drop_the_advice_or_the_question() {
        SafetyReport noAdvice = EarlierWorkbooks.analyse(EditedWorkbook.ofShipped().set("Actions", "O41", "NO"));
        assertThat(noAdvice.findings()).anySatisfy(f -> {
            assertThat(f.property()).isEqualTo(14);
            assertThat(f.message()).contains("SEXTORTION_ADVICE");
        });
        SafetyReport noQuestion = EarlierWorkbooks.analyse(EditedWorkbook.ofShipped().set("Questions", "T26", "NO").set("Questions", "T27", "NO"));
        assertThat(noQuestion.findings()).anySatisfy(f -> {
            assertThat(f.property()).isEqualTo(7);
            assertThat(f.message()).contains("threatToShare");
        });
    }
}
