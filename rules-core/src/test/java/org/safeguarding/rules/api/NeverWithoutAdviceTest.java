package org.safeguarding.rules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.rules.api.ActionCode.CALL_999;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Section 1 of the decision model at its edges: what a DSL types, however odd, is decided (the
 * safer reading winning) and the oddity named in warnings; a reporter is never involved; ages
 * may be unknown; and the reasons never argue for a laxer pathway than the one decided.
 */
class NeverWithoutAdviceTest {
    private static Recommendation decide(Incident.Builder incident) {
        return Engines.bundled().decide(incident.build());
    }

    private static List<String> warnedFields(Recommendation r) {
        return r.warnings().stream().map(Warning::field).toList();
    }

    @Test
    void an_adult_recipient_listed_alone_still_gets_999() {
        Recommendation r = decide(Incident.builder().immediateDanger(Answer.YES).person(Role.RECIPIENT, 30));
        assertThat(r.pathway()).isEqualTo(Pathway.EMERGENCY);
        assertThat(r.actionCodes().get(0)).isEqualTo(CALL_999);
        assertThat(r.derivedFacts()).containsEntry(Fact.ADULT_INVOLVED, Answer.YES);
        assertThat(warnedFields(r)).containsExactly("people");
        assertThat(r.warnings().get(0).message()).contains("nobody known to be under 18").doesNotContain("30");
    }

    @Test
    void a_parent_who_reported_it_is_not_an_adult_involved() {
        Recommendation r = decide(Incident.builder().immediateDanger(Answer.YES).adultInvolved(Answer.NO)
                .person(Role.PICTURED, 15).person(Role.REPORTER, 40));
        assertThat(r.pathway()).isEqualTo(Pathway.EMERGENCY);
        assertThat(r.derivedFacts()).isEmpty();
        assertThat(r.warnings()).isEmpty();
        assertThat(r.has(ActionCode.REPORT_TO_CEOP)).isFalse();
    }

    @Test
    void an_adult_listed_in_another_role_is_involved_even_when_adult_involved_is_false() {
        Recommendation r = decide(Incident.builder().immediateDanger(Answer.YES).adultInvolved(Answer.NO)
                .person(Role.PICTURED, 15).person(Role.OTHER, 40));
        assertThat(r.pathway()).isEqualTo(Pathway.EMERGENCY);
        assertThat(r.derivedFacts()).containsExactly(Map.entry(Fact.ADULT_INVOLVED, Answer.YES));
        assertThat(warnedFields(r)).containsExactly("adultInvolved");
        assertThat(r.warnings().get(0).message()).contains("people[1]", "REPORTER").doesNotContain("40");
        assertThat(r.has(ActionCode.REPORT_TO_CEOP)).isTrue();
    }

    /** The example in docs/embedding.md. */
    @Test
    void the_embedding_guide_example_decides_as_documented() {
        Recommendation r = decide(Incident.builder().immediateDanger(Answer.YES).adultInvolved(Answer.NO)
                .person(Role.PICTURED, 15).person(Role.OTHER, 40).person(Role.REPORTER, 44).person(Role.REQUESTER));
        assertThat(r.pathway()).isEqualTo(Pathway.EMERGENCY);
        assertThat(r.actionCodes().get(0)).isEqualTo(CALL_999);
        assertThat(r.derivedFacts()).containsExactly(Map.entry(Fact.ADULT_INVOLVED, Answer.YES));
        assertThat(warnedFields(r)).containsExactly("adultInvolved");
        assertThat(r.warnings().get(0).message()).contains("(people[1])");
    }

    @Test
    void a_contradiction_is_decided_the_safer_way_not_refused() {
        Recommendation r = decide(Incident.builder().immediateDanger(Answer.NO).adultInvolved(Answer.NO).consentGiven(Answer.YES)
                .person(Role.CREATOR, 15).person(Role.RECIPIENT, 19));
        assertThat(r.pathway()).isEqualTo(Pathway.ESCALATE);
        assertThat(r.derivedFacts()).containsEntry(Fact.ADULT_INVOLVED, Answer.YES);
        assertThat(warnedFields(r)).containsExactly("adultInvolved");
    }

    @Test
    void an_online_contact_of_unknown_age_leaves_adult_involved_to_be_asked() {
        Recommendation r = decide(Incident.builder().immediateDanger(Answer.NO).coercionOrBlackmail(Answer.YES)
                .person(Role.REQUESTER).person(Role.PICTURED, 14));
        assertThat(r.pathway()).isEqualTo(Pathway.ESCALATE);
        assertThat(r.derivedFacts()).isEmpty();
        assertThat(r.warnings()).isEmpty();
        assertThat(r.questionCodes()).contains(Fact.ADULT_INVOLVED);
        assertThat(r.has(ActionCode.REPORT_TO_CEOP)).isTrue();
    }

    @Test
    void people_without_any_known_child_are_decided_with_a_warning() {
        Recommendation r = decide(Incident.builder().person(Role.SENDER));
        assertThat(r.pathway()).isEqualTo(Pathway.ESCALATE);
        assertThat(warnedFields(r)).containsExactly("people");
    }

    @Test
    void parents_a_risk_escalates_and_no_reason_says_it_may_be_handled_internally() {
        Recommendation r = decide(Incident.builder().immediateDanger(Answer.NO).selfHarmRisk(Answer.NO).adultInvolved(Answer.NO)
                .intendedHarm(Answer.NO).consentGiven(Answer.YES).coercionOrBlackmail(Answer.NO).capacityConcern(Answer.NO)
                .atypicalOrViolentContent(Answer.NO).under13SexualActivity(Answer.NO).profitMotive(Answer.NO).parentalRisk(Answer.YES));
        assertThat(r.pathway()).isEqualTo(Pathway.ESCALATE);
        assertThat(r.reasons()).filteredOn(reason -> reason.table().equals("Pathway")).isNotEmpty()
                .allSatisfy(reason -> assertThat(reason.text()).doesNotContainIgnoringCase("within the organisation"));
        assertThat(r.actionCodes()).doesNotContain(ActionCode.HANDLE_WITHIN_ORGANISATION, ActionCode.REQUEST_DELETION);
    }

    @Test
    void every_odd_people_list_is_decided_and_immediate_danger_always_reaches_999() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            Incident built = RandomIncidents.withRandomPeople(random);
            Recommendation r = Engines.bundled().decide(built);
            if (built.immediateDanger() == Answer.YES) {
                assertThat(r.actionCodes().get(0)).isEqualTo(CALL_999);
            }
            if (built.people().stream().anyMatch(Person::isInvolvedAdult)) {
                assertThat(r.derivedFacts().getOrDefault(Fact.ADULT_INVOLVED, built.adultInvolved())).isEqualTo(Answer.YES);
            }
            if (r.derivedFacts().containsKey(Fact.ADULT_INVOLVED) && built.adultIsStaffOrVolunteer() != Answer.YES) {
                assertThat(built.people()).anyMatch(Person::isInvolvedAdult);
            }
            if (built.adultIsStaffOrVolunteer() == Answer.YES) {
                assertThat(r.derivedFacts().getOrDefault(Fact.ADULT_INVOLVED, built.adultInvolved())).isEqualTo(Answer.YES);
                assertThat(r.actionCodes()).contains(ActionCode.REFER_LADO, ActionCode.INFORM_HEADTEACHER);
            }
        }
    }

    @Test
    void no_action_text_in_an_emergency_says_to_call_101() {
        Random random = new Random(3);
        for (int i = 0; i < 2_000; i++) {
            Recommendation r = Engines.bundled().decide(RandomIncidents.facts(random).immediateDanger(Answer.YES).build());
            assertThat(r.pathway()).isEqualTo(Pathway.EMERGENCY);
            assertThat(r.actions()).allSatisfy(a -> assertThat(a.text()).as(a.code().name()).doesNotContain("101"));
        }
        Recommendation escalate = decide(Incident.builder().immediateDanger(Answer.NO));
        assertThat(escalate.actions()).filteredOn(a -> a.code() == ActionCode.REPORT_TO_POLICE).singleElement()
                .satisfies(a -> assertThat(a.text()).contains("101"));
    }

    @Test
    void every_reason_cites_the_nspcc_ukcis_kcsie_or_nca_and_no_emergency_cites_the_not_in_danger_passage() {
        Random random = new Random(5);
        for (int i = 0; i < 2_000; i++) {
            Recommendation r = Engines.bundled().decide(RandomIncidents.facts(random).build());
            assertThat(r.reasons()).allSatisfy(reason -> assertThat(reason.guidance()).containsAnyOf("NSPCC", "UKCIS", "KCSIE", "NCA,"));
            if (r.pathway() == Pathway.EMERGENCY) {
                assertThat(r.actions()).filteredOn(a -> a.code() == ActionCode.REPORT_TO_CEOP)
                        .allSatisfy(a -> assertThat(a.guidance()).doesNotContain("not in immediate danger"));
            }
        }
    }

    @Test
    void the_unset_childrens_services_out_of_hours_and_LADO_numbers_are_setup_warnings_naming_their_cells() {
        assertThat(Engines.bundled().ruleSet().setupWarnings()).hasSize(3).satisfiesExactly(w -> {
            assertThat(w.sheet()).isEqualTo("Contacts");
            assertThat(w.cell()).isEqualTo("B5");
            assertThat(w.message()).contains("LOCAL_CHILDRENS_SERVICES");
        }, w -> {
            assertThat(w.sheet()).isEqualTo("Contacts");
            assertThat(w.cell()).isEqualTo("B10");
            assertThat(w.message()).contains("LADO");
        }, w -> {
            assertThat(w.sheet()).isEqualTo("Contacts");
            assertThat(w.cell()).isEqualTo("B11");
            assertThat(w.message()).contains("EMERGENCY_DUTY_TEAM");
        });
    }

    @Test
    void the_engine_offers_its_999_advice_for_requests_it_could_not_read() {
        Action emergency = Engines.bundled().emergencyAction();
        assertThat(emergency.code()).isEqualTo(CALL_999);
        assertThat(emergency.text()).contains("999");
        assertThat(emergency.guidance()).isNotBlank();
    }
}
