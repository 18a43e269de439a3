package org.safeguarding.rules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.rules.api.ActionCode.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.io.InputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeguarding.rules.tables.RuleRow;
import org.safeguarding.rules.tables.TableTemplate;
import org.safeguarding.rules.tables.WorkbookReader;
import org.safeguarding.rules.tables.EditedWorkbook;
import org.safeguarding.rules.api.Scenario;
import org.safeguarding.rules.api.ScenarioResult;
import org.safeguarding.rules.scenarios.ScenarioRunner;
import org.safeguarding.rules.scenarios.ScenarioWorkbook;

/**
 * The shipped scenario workbook (decision-tables/scenarios.xlsx), each row citing the guidance
 * it comes from, run against the shipped tables. Beyond each row's own expectations, every
 * decision must keep the product's invariants, and together the rows must fire every rule,
 * recommend every action and ask every question.
 */
class GuidanceScenariosTest {

    static List<Scenario> scenarios() throws Exception {
        try (InputStream in = GuidanceScenariosTest.class.getClassLoader().getResourceAsStream("org/safeguarding/tables/scenarios.xlsx")) {
            ScenarioWorkbook.Result read = ScenarioWorkbook.read("scenarios.xlsx", in.readAllBytes());
            assertThat(read.problems()).isEmpty();
            assertThat(read.scenarios()).hasSizeGreaterThanOrEqualTo(40);
            return read.scenarios();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void follows_the_guidance(Scenario scenario) {
        assertThat(scenario.guidance()).as("every scenario cites its guidance").isNotBlank();
        ScenarioResult result = ScenarioRunner.run(Engines.bundled()::decide, List.of(scenario)).get(0);
        assertThat(result.differences()).as(scenario.id() + " " + scenario.description()).isEmpty();

        Recommendation r = Engines.bundled().decide(scenario.incident());
        assertThat(r.actionCodes()).contains(DO_NOT_VIEW_IMAGERY, RECORD_INCIDENT, ONGOING_SUPPORT, REVIEW_INCIDENT);
        if (r.has(CALL_999)) {
            assertThat(r.actionCodes().get(0)).isEqualTo(CALL_999);
        }
        assertThat(r.reasons().get(0).table()).isEqualTo("Pathway");
        assertThat(r.reasons()).allSatisfy(reason -> assertThat(reason.guidance()).isNotBlank());
        Answer adult = r.derivedFacts().getOrDefault(Fact.ADULT_INVOLVED, scenario.incident().adultInvolved());
        Answer coercion = r.derivedFacts().getOrDefault(Fact.COERCION_OR_BLACKMAIL, scenario.incident().coercionOrBlackmail());
        for (Fact fact : Fact.values()) {
            boolean unknown = scenario.incident().value(fact) == fact.unknown() && !r.derivedFacts().containsKey(fact);
            // whether the adult is staff is asked only while an adult is, or may be, involved; whether
            // someone threatens to share, only while coercion or blackmail (which a threat is) is not ruled out
            boolean asked = unknown && (fact != Fact.ADULT_IS_STAFF_OR_VOLUNTEER || adult != Answer.NO)
                    && (fact != Fact.THREAT_TO_SHARE || coercion != Answer.NO);
            assertThat(r.questionCodes().contains(fact)).as("question about " + fact.fieldName()).isEqualTo(asked);
        }
    }

    @Test
    void empty_request_escalates_provisionally_and_asks_about_danger_first() {
        Recommendation r = Engines.bundled().decide(Incident.builder().build());
        assertThat(r.pathway()).isEqualTo(Pathway.ESCALATE);
        assertThat(r.provisional()).isTrue();
        assertThat(r.questionCodes()).containsExactly(Fact.IMMEDIATE_DANGER, Fact.SELF_HARM_RISK, Fact.ADULT_INVOLVED,
                Fact.ADULT_IS_STAFF_OR_VOLUNTEER, Fact.INTENDED_HARM, Fact.CONSENT_GIVEN, Fact.COERCION_OR_BLACKMAIL, Fact.THREAT_TO_SHARE, Fact.CAPACITY_CONCERN,
                Fact.ATYPICAL_OR_VIOLENT_CONTENT, Fact.UNDER13_SEXUAL_ACTIVITY, Fact.PROFIT_MOTIVE, Fact.PARENTAL_RISK,
                Fact.MEDIA_TYPE, Fact.CHILD_DISTRESSED, Fact.SHARING, Fact.DEVICE, Fact.SOCIAL_CARE_STATUS, Fact.ONLINE_CONTACT,
                Fact.STAFF_OR_VOLUNTEER_UNDER18, Fact.IMAGERY_ORIGIN);
    }

    @Test
    void an_adult_in_people_is_derived_and_reported() {
        Recommendation r = Engines.bundled().decide(Incident.builder().immediateDanger(Answer.NO).adultInvolved(Answer.UNKNOWN).person(Role.SENDER, 23)
                .person(Role.RECIPIENT, 14).reference("case-17.b").build());
        assertThat(r.derivedFacts()).containsExactly(java.util.Map.entry(Fact.ADULT_INVOLVED, Answer.YES));
        assertThat(r.reference()).isEqualTo("case-17.b");
        assertThat(r.has(REPORT_TO_CEOP)).isTrue();
    }

    @Test
    void actions_are_listed_in_urgency_order_with_texts_and_contacts_filled_in() {
        Recommendation r = Engines.bundled().decide(Incident.builder().build());
        assertThat(r.actionCodes()).containsSubsequence(DO_NOT_VIEW_IMAGERY, REFER_CHILDRENS_SOCIAL_CARE, CONTACT_NSPCC_HELPLINE, RECORD_INCIDENT, REVIEW_INCIDENT);
        assertThat(r.actions()).filteredOn(a -> a.code() == CONTACT_NSPCC_HELPLINE).singleElement()
                .satisfies(a -> assertThat(a.text()).contains("0808 800 5000").doesNotContain("{"));
    }

    /** Its own test over every scenario, so it holds (or fails) whether one case runs or all of them. */
    @Test
    void together_the_scenarios_fire_every_rule_recommend_every_action_and_ask_every_question() throws Exception {
        Set<String> fired = new HashSet<>();
        Set<ActionCode> recommended = EnumSet.noneOf(ActionCode.class);
        Set<Fact> asked = EnumSet.noneOf(Fact.class);
        for (Scenario scenario : scenarios()) {
            Recommendation r = Engines.bundled().decide(scenario.incident());
            fired.addAll(r.ruleIds());
            recommended.addAll(r.actionCodes());
            asked.addAll(r.questionCodes());
        }
        List<RuleRow> rows = new ArrayList<>();
        var tables = WorkbookReader.read(List.of(EditedWorkbook.ofShipped().toWorkbook())).tables().orElseThrow();
        TableTemplate.RULE_SHEETS.forEach(sheet -> rows.addAll(tables.rows(sheet)));
        assertThat(fired).as("rules fired by the scenarios").containsAll(rows.stream().map(RuleRow::id).toList());
        assertThat(recommended).as("actions recommended by the scenarios").containsExactlyInAnyOrder(ActionCode.values());
        assertThat(asked).as("questions asked by the scenarios").containsExactlyInAnyOrder(Fact.values());
    }
}
