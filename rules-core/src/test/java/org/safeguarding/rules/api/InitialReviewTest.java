package org.safeguarding.rules.api;

import org.safeguarding.rules.RuleSet;

import org.safeguarding.rules.Scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.safeguarding.rules.tables.EditedWorkbook;

/**
 * UKCIS (2024): a disclosure starts with the DSL's initial review meeting, the same day, to
 * establish the facts; a referral follows when a criterion is met or cannot be ruled out. The
 * pathway and the safety properties do not change: only the actions of a provisional decision
 * are refined, and their wording says what the review decides.
 */
class InitialReviewTest {
    private static final Incident KNOWN_SAFE = Incident.builder().immediateDanger(Answer.NO).selfHarmRisk(Answer.NO)
            .adultInvolved(Answer.NO).intendedHarm(Answer.NO).consentGiven(Answer.YES).coercionOrBlackmail(Answer.NO)
            .capacityConcern(Answer.NO).atypicalOrViolentContent(Answer.NO).under13SexualActivity(Answer.NO)
            .profitMotive(Answer.NO).parentalRisk(Answer.NO).build();

    private static String text(Recommendation r, ActionCode code) {
        return r.actions().stream().filter(a -> a.code() == code).findFirst().orElseThrow().text();
    }

    @Test
    void at_first_disclosure_the_review_meeting_comes_first_then_not_viewing_and_keeping_the_evidence() throws Exception {
        Recommendation first = Engines.bundled().decide(Incident.builder().build());
        assertThat(first.provisional()).isTrue();
        assertThat(first.actionCodes()).startsWith(ActionCode.INITIAL_REVIEW_MEETING, ActionCode.DO_NOT_VIEW_IMAGERY,
                ActionCode.PRESERVE_EVIDENCE);
        assertThat(text(first, ActionCode.INITIAL_REVIEW_MEETING)).contains("initial review meeting today").contains("questions below");
        assertThat(text(first, ActionCode.REFER_CHILDRENS_SOCIAL_CARE)).contains("today, unless the initial review rules out every referral criterion");
        assertThat(text(first, ActionCode.REPORT_TO_POLICE)).startsWith("If the initial review cannot rule out an adult's involvement");
    }

    @Test
    void an_established_referral_says_refer_today_without_a_condition() throws Exception {
        Incident refused = Incident.builder().immediateDanger(Answer.NO).selfHarmRisk(Answer.NO).adultInvolved(Answer.NO)
                .intendedHarm(Answer.NO).consentGiven(Answer.NO).coercionOrBlackmail(Answer.NO).capacityConcern(Answer.NO)
                .atypicalOrViolentContent(Answer.NO).under13SexualActivity(Answer.NO).profitMotive(Answer.NO).parentalRisk(Answer.NO).build();
        Recommendation r = Engines.bundled().decide(refused);
        assertThat(r.pathway()).isEqualTo(Pathway.ESCALATE);
        assertThat(r.provisional()).isFalse();
        assertThat(r.actionCodes()).doesNotContain(ActionCode.INITIAL_REVIEW_MEETING);
        assertThat(text(r, ActionCode.REFER_CHILDRENS_SOCIAL_CARE)).startsWith("Refer to children's social care today:").doesNotContain("unless");
        // Missing consent alone needs no police (UKCIS 2024; the NSPCC page: do not criminalise young people unnecessarily).
        assertThat(r.actionCodes()).doesNotContain(ActionCode.REPORT_TO_POLICE);
        Recommendation sold = Engines.bundled().decide(refused.toBuilder().profitMotive(Answer.YES).build());
        assertThat(sold.provisional()).isFalse();
        assertThat(text(sold, ActionCode.REPORT_TO_POLICE)).startsWith("Report to the police");
        assertThat(sold.ruleIds()).contains("A-05");
        Recommendation maybeSold = Engines.bundled().decide(refused.toBuilder().profitMotive(Answer.UNKNOWN).build());
        assertThat(maybeSold.actionCodes()).as("not yet ruled out").contains(ActionCode.REPORT_TO_POLICE);
        assertThat(maybeSold.ruleIds()).contains("A-31");
    }

    @Test
    void an_emergency_calls_999_first_and_holds_no_meeting_first() throws Exception {
        Recommendation r = Engines.bundled().decide(Incident.builder().immediateDanger(Answer.YES).build());
        assertThat(r.actionCodes().get(0)).isEqualTo(ActionCode.CALL_999);
        assertThat(r.actionCodes()).doesNotContain(ActionCode.INITIAL_REVIEW_MEETING);
        assertThat(Engines.bundled().decide(KNOWN_SAFE).actionCodes()).doesNotContain(ActionCode.INITIAL_REVIEW_MEETING);
    }

    @Test
    void the_review_meeting_is_advised_exactly_when_the_decision_is_provisional_and_always_first() throws Exception {
        Random random = new Random(15);
        for (Incident incident : RandomIncidents.generate(random, 20_000)) {
            Recommendation r = Engines.bundled().decide(incident);
            assertThat(r.actionCodes().contains(ActionCode.INITIAL_REVIEW_MEETING)).as("%s", incident).isEqualTo(r.provisional());
            if (r.provisional()) {
                assertThat(r.actionCodes().get(0)).isEqualTo(ActionCode.INITIAL_REVIEW_MEETING);
            }
        }
    }

    @Test
    void a_workbook_from_before_the_review_meeting_still_builds_but_decides_nothing_until_it_passes() throws Exception {
        RuleSet.Build old = RuleSet.build(List.of(new Workbook(EditedWorkbook.NAME, EditedWorkbook.ofLegacy().bytes())));
        assertThat(old.problems()).isEmpty();
        // Read and checked, but it predates the LADO and the words check: no engine for it (safety property 13).
        assertThatThrownBy(() -> old.ruleSet().orElseThrow().prove()).isInstanceOf(RuleSetException.class)
                .hasMessageContaining("safety property 11").hasMessageContaining("safety property 12");
        Scenario firstDisclosure = Scenarios.bundled().stream().filter(s -> s.id().equals("S-02")).findFirst().orElseThrow();
        assertThat(old.ruleSet().orElseThrow().run(List.of(firstDisclosure)).get(0).passed()).isTrue();
    }
}
