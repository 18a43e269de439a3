package org.safeguarding.rules.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The under-13 fact is a tick box; the ages are in people. When they disagree the decision is as
 * given (the safer reading) and a warning says which to check (issue 26, item 8).
 */
class Under13AgesTest {
    private static final Incident.Builder SETTLED = Incident.builder().immediateDanger(Answer.NO).selfHarmRisk(Answer.NO)
            .adultInvolved(Answer.NO).intendedHarm(Answer.NO).consentGiven(Answer.YES).coercionOrBlackmail(Answer.NO)
            .capacityConcern(Answer.NO).atypicalOrViolentContent(Answer.NO).profitMotive(Answer.NO).parentalRisk(Answer.NO);

    private static List<Warning> under13Warnings(Recommendation r) {
        return r.warnings().stream().filter(w -> w.field().equals("under13SexualActivity")).toList();
    }

    @Test
    void ticked_with_every_child_aged_15_is_decided_as_ticked_with_a_warning_to_check_the_ages() {
        Recommendation r = Engines.bundled().decide(SETTLED.under13SexualActivity(Answer.YES)
                .people(List.of(new Person(Role.SENDER, 15), new Person(Role.RECIPIENT, 15))).build());
        assertThat(r.pathway()).isEqualTo(Pathway.ESCALATE);
        assertThat(under13Warnings(r)).singleElement().satisfies(w -> assertThat(w.message()).contains("nobody involved", "under 13", "check the ages"));
    }

    @Test
    void not_ticked_with_a_child_aged_11_involved_is_decided_as_given_with_a_warning_naming_the_person() {
        Recommendation r = Engines.bundled().decide(SETTLED.under13SexualActivity(Answer.NO)
                .people(List.of(new Person(Role.SENDER, 14), new Person(Role.PICTURED, 11))).build());
        assertThat(r.pathway()).isEqualTo(Pathway.HANDLE_INTERNALLY);
        assertThat(under13Warnings(r)).singleElement().satisfies(w -> assertThat(w.message()).contains("is false", "people[1]", "sexual acts"));
    }

    @Test
    void ages_that_agree_or_are_not_all_known_raise_nothing() {
        assertThat(under13Warnings(Engines.bundled().decide(SETTLED.under13SexualActivity(Answer.YES)
                .people(List.of(new Person(Role.SENDER, 12))).build()))).isEmpty();
        assertThat(under13Warnings(Engines.bundled().decide(SETTLED.under13SexualActivity(Answer.YES)
                .people(List.of(new Person(Role.SENDER, 15), Person.ofUnknownAge(Role.REQUESTER))).build()))).isEmpty();
        assertThat(under13Warnings(Engines.bundled().decide(SETTLED.under13SexualActivity(Answer.NO)
                .people(List.of(new Person(Role.SENDER, 15), new Person(Role.REPORTER, 10))).build()))).as("a reporter is not involved").isEmpty();
    }
}
