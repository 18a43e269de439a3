package org.safeguarding.rules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What each person did (issue 26, situation 4): one person may carry several roles, consent may
 * differ between making, sending and forwarding, and someone who works or volunteers for the setting
 * is marked on the person, the right staff fact following from their age.
 */
class WhatEachPersonDidTest {

    private static Incident.Builder established() {
        return Incident.builder().immediateDanger(Answer.NO).selfHarmRisk(Answer.NO).adultInvolved(Answer.NO)
                .intendedHarm(Answer.NO).coercionOrBlackmail(Answer.NO).capacityConcern(Answer.NO)
                .atypicalOrViolentContent(Answer.NO).under13SexualActivity(Answer.NO).profitMotive(Answer.NO).parentalRisk(Answer.NO)
                .childDistressed(Answer.NO).threatToShare(Answer.NO).mediaType(MediaType.IMAGE)
                .sharing(Sharing.SHARED_WITH_FEW).device(Device.PERSONAL).socialCareStatus(SocialCareStatus.NONE)
                .onlineContact(Answer.NO).imageryOrigin(ImageryOrigin.TAKEN);
    }

    @Test
    void made_and_sent_with_consent_but_forwarded_without_it_is_not_everyone_consenting() {
        Recommendation forwarded = Engines.bundled().decide(established().adultIsStaffOrVolunteer(Answer.NO).staffOrVolunteerUnder18(Answer.NO)
                .consentByStep(new ConsentByStep(Answer.YES, Answer.YES, Answer.NO))
                .person(new Person(List.of(Role.PICTURED, Role.CREATOR, Role.SENDER), 15, Answer.NO))
                .person(new Person(List.of(Role.RECIPIENT, Role.SHARER), 15, Answer.NO)).build());
        assertThat(forwarded.pathway()).isEqualTo(Pathway.ESCALATE);
        assertThat(forwarded.provisional()).isFalse();
        assertThat(forwarded.derivedFacts()).containsEntry(Fact.CONSENT_GIVEN, Answer.NO);
        assertThat(forwarded.actionCodes()).contains(ActionCode.REFER_CHILDRENS_SOCIAL_CARE).doesNotContain(ActionCode.REQUEST_DELETION);
        assertThat(forwarded.warnings()).isEmpty();

        Recommendation saidEveryone = Engines.bundled().decide(established().consentGiven(Answer.YES).adultIsStaffOrVolunteer(Answer.NO)
                .staffOrVolunteerUnder18(Answer.NO).consentByStep(new ConsentByStep(Answer.YES, Answer.YES, Answer.NO)).build());
        assertThat(saidEveryone.pathway()).isEqualTo(Pathway.ESCALATE);
        assertThat(saidEveryone.warnings()).singleElement().satisfies(w -> {
            assertThat(w.field()).isEqualTo("consentGiven");
            assertThat(w.message()).contains("consentByStep.forwarding");
        });

        // Every step agreed does not stand for consentGiven: it is still asked, and the decision stays provisional.
        Recommendation stepsOnly = Engines.bundled().decide(established().adultIsStaffOrVolunteer(Answer.NO).staffOrVolunteerUnder18(Answer.NO)
                .consentByStep(new ConsentByStep(Answer.YES, Answer.YES, Answer.YES)).build());
        assertThat(stepsOnly.derivedFacts()).doesNotContainKey(Fact.CONSENT_GIVEN);
        assertThat(stepsOnly.questionCodes()).contains(Fact.CONSENT_GIVEN);
    }

    @Test
    void a_child_both_pictured_and_forwarding_it_is_one_involved_child() {
        Person both = new Person(List.of(Role.PICTURED, Role.SHARER), 14, Answer.UNKNOWN);
        assertThat(both.isInvolved()).isTrue();
        assertThat(both.role()).isEqualTo(Role.PICTURED);
        Person reporterAndPictured = new Person(List.of(Role.REPORTER, Role.PICTURED), 30, Answer.UNKNOWN);
        assertThat(reporterAndPictured.isInvolvedAdult()).isTrue();
        assertThat(new Person(List.of(Role.REPORTER), 40, Answer.YES).isInvolved()).isFalse();
        assertThatThrownBy(() -> new Person(List.of(), 14, Answer.UNKNOWN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Person(List.of(Role.SHARER, Role.SHARER), 14, Answer.UNKNOWN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    @Test
    void someone_who_works_for_the_setting_brings_the_lado_as_an_adult_or_as_a_young_leader_by_their_age() {
        Recommendation youngLeader = Engines.bundled().decide(established().consentGiven(Answer.YES)
                .person(new Person(List.of(Role.REQUESTER), 17, Answer.YES)).person(Role.RECIPIENT, 14).build());
        assertThat(youngLeader.derivedFacts()).containsEntry(Fact.STAFF_OR_VOLUNTEER_UNDER18, Answer.YES)
                .doesNotContainKey(Fact.ADULT_INVOLVED);
        assertThat(youngLeader.pathway()).isEqualTo(Pathway.HANDLE_INTERNALLY);
        assertThat(youngLeader.actionCodes()).contains(ActionCode.REFER_LADO, ActionCode.INFORM_HEADTEACHER)
                .doesNotContain(ActionCode.INVOLVE_PARENTS);

        Recommendation teacher = Engines.bundled().decide(established().consentGiven(Answer.YES)
                .person(new Person(List.of(Role.RECIPIENT), 32, Answer.YES)).person(Role.SENDER, 15).build());
        assertThat(teacher.derivedFacts()).containsEntry(Fact.ADULT_IS_STAFF_OR_VOLUNTEER, Answer.YES)
                .containsEntry(Fact.ADULT_INVOLVED, Answer.YES);
        assertThat(teacher.pathway()).isEqualTo(Pathway.ESCALATE);
        assertThat(teacher.actionCodes()).contains(ActionCode.REFER_LADO, ActionCode.REPORT_TO_POLICE);

        Recommendation ageUnknown = Engines.bundled().decide(established().consentGiven(Answer.YES)
                .person(new Person(List.of(Role.REQUESTER), null, Answer.YES)).person(Role.RECIPIENT, 14).build());
        assertThat(ageUnknown.derivedFacts()).containsEntry(Fact.ADULT_IS_STAFF_OR_VOLUNTEER, Answer.YES);
        assertThat(ageUnknown.warnings()).extracting(Warning::field).contains("people[0].age");

        Recommendation saidNo = Engines.bundled().decide(established().consentGiven(Answer.YES).staffOrVolunteerUnder18(Answer.NO)
                .person(new Person(List.of(Role.REQUESTER), 16, Answer.YES)).person(Role.RECIPIENT, 14).build());
        assertThat(saidNo.actionCodes()).contains(ActionCode.REFER_LADO);
        assertThat(saidNo.warnings()).extracting(Warning::field).contains("staffOrVolunteerUnder18");

        // A member of staff who only reported it is no allegation.
        Recommendation reporter = Engines.bundled().decide(established().consentGiven(Answer.YES).adultIsStaffOrVolunteer(Answer.NO)
                .staffOrVolunteerUnder18(Answer.NO).person(new Person(List.of(Role.REPORTER), 45, Answer.YES))
                .person(Role.SENDER, 15).person(Role.RECIPIENT, 15).build());
        assertThat(reporter.pathway()).isEqualTo(Pathway.HANDLE_INTERNALLY);
        assertThat(reporter.derivedFacts()).isEmpty();
        assertThat(reporter.actionCodes()).doesNotContain(ActionCode.REFER_LADO);
    }
}
