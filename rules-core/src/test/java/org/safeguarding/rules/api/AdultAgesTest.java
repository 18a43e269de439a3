package org.safeguarding.rules.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * "An adult is involved" ticked while every person involved is known to be a child: decided as
 * ticked (the safer reading), with a warning to add the adult (issue 26: warnings for ages that
 * contradict the ticked facts).
 */
class AdultAgesTest {
    private static Incident.Builder adult() {
        return Incident.builder().immediateDanger(Answer.NO).adultInvolved(Answer.YES);
    }

    private static List<Warning> adultWarnings(Recommendation r) {
        return r.warnings().stream().filter(w -> w.field().equals("adultInvolved")).toList();
    }

    @Test
    void ticked_with_every_involved_person_under_18_is_decided_as_ticked_with_a_warning_to_add_the_adult() {
        Recommendation r = Engines.bundled().decide(adult().people(List.of(new Person(Role.SENDER, 15), new Person(Role.RECIPIENT, 16))).build());
        assertThat(r.pathway()).isEqualTo(Pathway.ESCALATE);
        assertThat(r.actionCodes()).contains(ActionCode.REPORT_TO_POLICE, ActionCode.REPORT_TO_CEOP);
        assertThat(adultWarnings(r)).singleElement().satisfies(w -> assertThat(w.message()).contains("is true", "under 18", "add the adult"));
    }

    @Test
    void an_adult_listed_an_age_not_known_a_reporter_or_staff_raise_nothing() {
        assertThat(adultWarnings(Engines.bundled().decide(adult().people(List.of(new Person(Role.SENDER, 15), new Person(Role.REQUESTER, 30))).build())))
                .isEmpty();
        assertThat(adultWarnings(Engines.bundled().decide(adult().people(List.of(new Person(Role.SENDER, 15), Person.ofUnknownAge(Role.REQUESTER))).build())))
                .as("an online contact whose age is not known may be the adult").isEmpty();
        assertThat(adultWarnings(Engines.bundled().decide(adult().people(List.of(new Person(Role.SENDER, 15), new Person(Role.REPORTER, 40))).build())))
                .as("the adult is in people, though only as the one who reported it: still nobody involved is an adult").hasSize(1);
        assertThat(adultWarnings(Engines.bundled().decide(adult().adultIsStaffOrVolunteer(Answer.YES)
                .people(List.of(new Person(Role.SENDER, 15), new Person(Role.REQUESTER, 16))).build())))
                .as("a member of staff of any age is decided as an adult's involvement").isEmpty();
        assertThat(adultWarnings(Engines.bundled().decide(adult().adultIsStaffOrVolunteer(Answer.NO).people(List.of()).build()))).isEmpty();
    }
}
