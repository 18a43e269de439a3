package org.safeguarding.rules.api;

import org.safeguarding.rules.DecisionEngine;
import org.safeguarding.rules.RuleSet;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;
import org.safeguarding.rules.tables.EditedWorkbook;

/**
 * Where the imagery came from (issue 26, situations 1 and 3). Imagery made or altered by software
 * is treated as real and as made without the pictured child's consent (UKCIS 2024, Annex D);
 * imagery made from the setting's own photographs goes to the police at once, the originals come
 * down and the IWF blocks the images; a request with no image is harmful sexual behaviour to
 * respond to, and a referral only when something else calls for one.
 */
class ImageryOriginTest {

    private static Incident.Builder established() {
        return Incident.builder().immediateDanger(Answer.NO).selfHarmRisk(Answer.NO).adultInvolved(Answer.NO)
                .intendedHarm(Answer.NO).coercionOrBlackmail(Answer.NO).capacityConcern(Answer.NO)
                .atypicalOrViolentContent(Answer.NO).under13SexualActivity(Answer.NO).profitMotive(Answer.NO).parentalRisk(Answer.NO)
                .childDistressed(Answer.NO).adultIsStaffOrVolunteer(Answer.NO).threatToShare(Answer.NO).mediaType(MediaType.IMAGE)
                .sharing(Sharing.NOT_SHARED).device(Device.PERSONAL).socialCareStatus(SocialCareStatus.NONE)
                .onlineContact(Answer.NO).staffOrVolunteerUnder18(Answer.NO);
    }

    @Test
    void a_deepfake_made_by_classmates_is_decided_as_made_without_consent_and_the_child_pictured_is_a_victim() {
        Recommendation deepfake = Engines.bundled().decide(established().imageryOrigin(ImageryOrigin.AI_OR_ALTERED)
                .person(Role.PICTURED, 14).person(Role.CREATOR, 14).person(Role.SHARER, 15).build());
        assertThat(deepfake.pathway()).isEqualTo(Pathway.ESCALATE);
        assertThat(deepfake.provisional()).isFalse();
        assertThat(deepfake.derivedFacts()).containsEntry(Fact.CONSENT_GIVEN, Answer.NO);
        assertThat(deepfake.actionCodes()).contains(ActionCode.AI_IMAGERY_ADVICE, ActionCode.REFER_CHILDRENS_SOCIAL_CARE,
                ActionCode.PRESERVE_EVIDENCE).doesNotContain(ActionCode.REQUEST_DELETION, ActionCode.REMOVE_SOURCE_PHOTOGRAPHS);
        assertThat(deepfake.ruleIds()).contains("P-09", "A-49");
        assertThat(deepfake.actions()).filteredOn(a -> a.code() == ActionCode.AI_IMAGERY_ADVICE).singleElement()
                .satisfies(a -> assertThat(a.text()).contains("victim", "never took or sent it", "whether or not it looks real"));
        assertThat(deepfake.warnings()).isEmpty();

        Recommendation saidConsented = Engines.bundled().decide(established().consentGiven(Answer.YES)
                .imageryOrigin(ImageryOrigin.AI_OR_ALTERED).build());
        assertThat(saidConsented.pathway()).isEqualTo(Pathway.ESCALATE);
        assertThat(saidConsented.warnings()).extracting(Warning::field).containsExactly("consentGiven");
    }

    @Test
    void imagery_made_from_the_settings_photographs_goes_to_the_police_at_once_and_the_originals_come_down() {
        // Who made them is not yet known: the police unless the review rules an adult out, and the text says so.
        Recommendation noDemandYet = Engines.bundled().decide(established().adultInvolved(Answer.UNKNOWN)
                .imageryOrigin(ImageryOrigin.AI_OR_ALTERED_FROM_SETTING_PHOTOS).build());
        assertThat(noDemandYet.pathway()).isEqualTo(Pathway.ESCALATE);
        assertThat(noDemandYet.actionCodes()).contains(ActionCode.REPORT_TO_POLICE, ActionCode.REMOVE_SOURCE_PHOTOGRAPHS,
                ActionCode.AI_IMAGERY_ADVICE, ActionCode.PRESERVE_EVIDENCE);
        assertThat(noDemandYet.ruleIds()).contains("A-31", "A-50", "A-51");
        assertThat(noDemandYet.actions()).filteredOn(a -> a.code() == ActionCode.REMOVE_SOURCE_PHOTOGRAPHS).singleElement()
                .satisfies(a -> assertThat(a.text()).contains("police today", "Do not pay", "Take the original photographs down",
                        "Internet Watch Foundation"));
        // Pupils of the setting made them, and nothing else calls for the police: children's social care, no police.
        Recommendation pupils = Engines.bundled().decide(established().imageryOrigin(ImageryOrigin.AI_OR_ALTERED_FROM_SETTING_PHOTOS).build());
        assertThat(pupils.actionCodes()).contains(ActionCode.REFER_CHILDRENS_SOCIAL_CARE, ActionCode.REMOVE_SOURCE_PHOTOGRAPHS)
                .doesNotContain(ActionCode.REPORT_TO_POLICE);

        Recommendation extortion = Engines.bundled().decide(established().adultInvolved(Answer.UNKNOWN).threatToShare(Answer.YES)
                .onlineContact(Answer.UNKNOWN).imageryOrigin(ImageryOrigin.AI_OR_ALTERED_FROM_SETTING_PHOTOS).build());
        assertThat(extortion.actionCodes()).contains(ActionCode.REPORT_TO_POLICE, ActionCode.REPORT_TO_CEOP,
                ActionCode.SEXTORTION_ADVICE, ActionCode.REMOVE_SOURCE_PHOTOGRAPHS);
        assertThat(extortion.ruleIds()).contains("A-05", "A-44", "A-50", "A-51");
    }

    @Test
    void a_peer_asking_for_nudes_with_no_image_is_harmful_sexual_behaviour_to_respond_to() {
        Recommendation asked = Engines.bundled().decide(established().mediaType(MediaType.MESSAGE)
                .imageryOrigin(ImageryOrigin.REQUEST_ONLY).person(Role.REQUESTER, 14).person(Role.RECIPIENT, 14).build());
        assertThat(asked.pathway()).isEqualTo(Pathway.HANDLE_INTERNALLY);
        assertThat(asked.provisional()).isFalse();
        assertThat(asked.derivedFacts()).containsEntry(Fact.CONSENT_GIVEN, Answer.YES);
        assertThat(asked.actionCodes()).contains(ActionCode.RESPOND_TO_HARMFUL_SEXUAL_BEHAVIOUR, ActionCode.HANDLE_WITHIN_ORGANISATION)
                .doesNotContain(ActionCode.REQUEST_DELETION, ActionCode.PRESERVE_EVIDENCE, ActionCode.REPORT_TO_POLICE);
        assertThat(asked.questionCodes()).doesNotContain(Fact.CONSENT_GIVEN);
        assertThat(asked.ruleIds()).contains("P-22", "A-52");
        assertThat(asked.actions()).filteredOn(a -> a.code() == ActionCode.RESPOND_TO_HARMFUL_SEXUAL_BEHAVIOUR).singleElement()
                .satisfies(a -> assertThat(a.text()).contains("harmful sexual behaviour", "keep the messages"));

        Recommendation refused = Engines.bundled().decide(established().consentGiven(Answer.NO)
                .imageryOrigin(ImageryOrigin.REQUEST_ONLY).build());
        assertThat(refused.pathway()).isEqualTo(Pathway.ESCALATE);
        assertThat(refused.warnings()).extracting(Warning::field).containsExactly("consentGiven");

        Recommendation pressured = Engines.bundled().decide(established().coercionOrBlackmail(Answer.YES)
                .imageryOrigin(ImageryOrigin.REQUEST_ONLY).build());
        assertThat(pressured.pathway()).isEqualTo(Pathway.ESCALATE);
        assertThat(pressured.actionCodes()).contains(ActionCode.REPORT_TO_POLICE, ActionCode.RESPOND_TO_HARMFUL_SEXUAL_BEHAVIOUR);
    }

    @Test
    void an_adult_asking_for_an_image_is_always_a_referral() {
        Recommendation adult = Engines.bundled().decide(established().onlineContact(Answer.YES).imageryOrigin(ImageryOrigin.REQUEST_ONLY)
                .person(Role.REQUESTER, 34).person(Role.RECIPIENT, 13).build());
        assertThat(adult.pathway()).isEqualTo(Pathway.ESCALATE);
        assertThat(adult.derivedFacts()).containsEntry(Fact.ADULT_INVOLVED, Answer.YES);
        assertThat(adult.actionCodes()).contains(ActionCode.REPORT_TO_POLICE, ActionCode.REPORT_TO_CEOP,
                ActionCode.REFER_CHILDRENS_SOCIAL_CARE).doesNotContain(ActionCode.HANDLE_WITHIN_ORGANISATION,
                ActionCode.RESPOND_TO_HARMFUL_SEXUAL_BEHAVIOUR); // its words talk of a child who asked
        Recommendation mayBeAdult = Engines.bundled().decide(established().adultInvolved(Answer.UNKNOWN)
                .imageryOrigin(ImageryOrigin.REQUEST_ONLY).build());
        assertThat(mayBeAdult.pathway()).isEqualTo(Pathway.ESCALATE);
        assertThat(mayBeAdult.actionCodes()).contains(ActionCode.RESPOND_TO_HARMFUL_SEXUAL_BEHAVIOUR, ActionCode.REPORT_TO_POLICE);
    }

    @Test
    void while_the_origin_is_not_known_it_is_asked_and_a_case_handled_internally_still_asks_for_deletion() {
        Recommendation notKnown = Engines.bundled().decide(established().consentGiven(Answer.YES).build());
        assertThat(notKnown.pathway()).isEqualTo(Pathway.HANDLE_INTERNALLY);
        assertThat(notKnown.questionCodes()).containsExactly(Fact.IMAGERY_ORIGIN);
        assertThat(notKnown.actionCodes()).contains(ActionCode.REQUEST_DELETION);
        assertThat(notKnown.ruleIds()).contains("A-48").doesNotContain("A-14");
        Recommendation taken = Engines.bundled().decide(established().consentGiven(Answer.YES).imageryOrigin(ImageryOrigin.TAKEN).build());
        assertThat(taken.ruleIds()).contains("A-14");
        assertThat(taken.questionCodes()).isEmpty();
    }

    @Test
    void a_workbook_made_before_the_column_still_decides_as_it_did_and_says_where_it_goes() throws Exception {
        RuleSet old = EarlierWorkbooks.proven("before-imagery-origin");
        assertThat(EarlierWorkbooks.whereColumnsGo(old, "Imagery origin")).containsExactlyInAnyOrder("Actions!S8", "Questions!X8");
        DecisionEngine was = old.prove();
        EarlierWorkbooks.decideAsBefore(was, 71, incident -> incident.imageryOrigin(ImageryOrigin.TAKEN), q -> false);
    }

    @Test
    void the_analysis_refuses_words_that_send_for_the_police_unasked_or_a_question_left_out() {
        // REMOVE_SOURCE_PHOTOGRAPHS telling the lead to report to the police without "unless": on an escalation that
        // needs no police (pupils made the images, nothing else calls for them), the words would send them anyway.
        SafetyReport noPolice = EarlierWorkbooks.analyse(EditedWorkbook.ofShipped().set("Action texts", "B34",
                "Take the original photographs down now. Report it to the police today."));
        assertThat(noPolice.findings()).anySatisfy(f -> {
            assertThat(f.property()).isEqualTo(12);
            assertThat(f.message()).contains("REMOVE_SOURCE_PHOTOGRAPHS", "the police");
        });
        // Q-23 asking only once the imagery is known to be real: the origin goes unasked while it is not known.
        SafetyReport noQuestion = EarlierWorkbooks.analyse(EditedWorkbook.ofShipped().set("Questions", "X31", "TAKEN"));
        assertThat(noQuestion.findings()).anySatisfy(f -> {
            assertThat(f.property()).isEqualTo(7);
            assertThat(f.message()).contains("imageryOrigin");
        });
    }
}
