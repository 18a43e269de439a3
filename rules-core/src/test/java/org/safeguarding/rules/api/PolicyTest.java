package org.safeguarding.rules.api;

import org.safeguarding.rules.DecisionEngine;
import org.safeguarding.rules.RuleSet;

import org.safeguarding.rules.Scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.safeguarding.rules.tables.EditedWorkbook;

/**
 * A setting's own stricter rules (the Policy sheet): they can raise the pathway or add actions,
 * never make advice laxer, and the shipped scenarios (minimums) still pass under them.
 */
class PolicyTest {
    private static final String POLICY = "Policy";
    private static final Incident ESTABLISHED_SAFE = Incident.builder().immediateDanger(Answer.NO).selfHarmRisk(Answer.NO)
            .adultInvolved(Answer.NO).intendedHarm(Answer.NO).consentGiven(Answer.YES).coercionOrBlackmail(Answer.NO)
            .capacityConcern(Answer.NO).atypicalOrViolentContent(Answer.NO).under13SexualActivity(Answer.NO)
            .profitMotive(Answer.NO).parentalRisk(Answer.NO).build();

    /** "Escalate every incident involving a child under 14", as a DSL would type it. */
    private static EditedWorkbook underFourteen() {
        return EditedWorkbook.ofShipped().set(POLICY, "A9", "L-01").set(POLICY, "B9", "Any child under 14: refer")
                .setNumber(POLICY, "O9", 14).set(POLICY, "C9", "ESCALATE")
                .set(POLICY, "P9", "Our child protection policy (2026), section 4.2");
    }

    private static RuleSet.Review review(EditedWorkbook workbook) {
        return RuleSet.review(List.of(new Workbook(EditedWorkbook.NAME, workbook.bytes())), Scenarios.bundled(), Optional.empty());
    }

    @Test
    void under_fourteen_escalation_passes_every_check_and_every_shipped_scenario() throws Exception {
        RuleSet.Review review = review(underFourteen());
        assertThat(review.report().problems()).isEmpty();
        assertThat(review.report().safety().orElseThrow().findings()).isEmpty();
        assertThat(review.report().scenarios()).allSatisfy(s -> assertThat(s.differences()).as(s.scenario().id()).isEmpty());
        assertThat(review.passed()).isPresent();
        // Every age band the policy makes is proven: under 14, and 14 or over / not known.
        assertThat(review.report().safety().orElseThrow().pathwayCombinations()).isEqualTo(2 * 177_147L);

        DecisionEngine engine = review.passed().get().prove();
        Recommendation thirteen = engine.decide(ESTABLISHED_SAFE.toBuilder().person(Role.CREATOR, 13).person(Role.RECIPIENT, 15).build());
        assertThat(thirteen.pathway()).isEqualTo(Pathway.ESCALATE);
        assertThat(thirteen.provisional()).isFalse();
        assertThat(thirteen.ruleIds()).startsWith("L-01").doesNotContain("P-09");
        assertThat(thirteen.reasons()).filteredOn(r -> !r.table().equals("Actions") && !r.table().equals("Questions"))
                .extracting(Reason::rule).containsExactly("L-01");
        assertThat(thirteen.reasons().get(0)).satisfies(r -> {
            assertThat(r.table()).isEqualTo(POLICY);
            assertThat(r.guidance()).isEqualTo("Our child protection policy (2026), section 4.2");
        });
        assertThat(thirteen.actionCodes()).contains(ActionCode.REFER_CHILDRENS_SOCIAL_CARE)
                .doesNotContain(ActionCode.HANDLE_WITHIN_ORGANISATION, ActionCode.REQUEST_DELETION);

        Recommendation fifteen = engine.decide(ESTABLISHED_SAFE.toBuilder().person(Role.CREATOR, 15).person(Role.REPORTER, 12).build());
        assertThat(fifteen.pathway()).as("a reporter is not involved").isEqualTo(Pathway.HANDLE_INTERNALLY);
        assertThat(fifteen.warnings()).isEmpty();

        Recommendation noAges = engine.decide(ESTABLISHED_SAFE);
        assertThat(noAges.pathway()).isEqualTo(Pathway.HANDLE_INTERNALLY);
        assertThat(noAges.warnings()).singleElement().satisfies(w -> {
            assertThat(w.field()).isEqualTo("people");
            assertThat(w.message()).contains("L-01", "give the ages");
        });
        Recommendation emergency = engine.decide(ESTABLISHED_SAFE.toBuilder().immediateDanger(Answer.YES).person(Role.PICTURED, 12).build());
        assertThat(emergency.pathway()).as("never lowered").isEqualTo(Pathway.EMERGENCY);
        assertThat(emergency.ruleIds()).doesNotContain("L-01");
    }

    @Test
    void a_policy_that_tries_to_make_advice_laxer_is_refused_naming_the_cell() throws Exception {
        for (String laxer : List.of("HANDLE_INTERNALLY", "HANDLE_WITHIN_ORGANISATION", "REQUEST_DELETION", "INVOLVE_PARENTS", "CALL_999")) {
            RuleSet.Review review = review(underFourteen().set(POLICY, "C9", laxer));
            assertThat(review.passed()).isEmpty();
            assertThat(review.report().problems()).singleElement().satisfies(p -> {
                assertThat(p.sheet()).isEqualTo(POLICY);
                assertThat(p.cell()).isEqualTo("C9");
                assertThat(p.message()).contains("'" + laxer + "' is not allowed in 'Then'", "ESCALATE");
            });
        }
        RuleSet.Review tooOld = review(underFourteen().set(POLICY, "O9", "19"));
        assertThat(tooOld.report().problems()).singleElement().satisfies(p -> assertThat(p.cell()).isEqualTo("O9"));
    }

    @Test
    void a_stricter_looking_policy_that_breaks_a_safety_property_is_refused_with_an_example() throws Exception {
        // "Refer whenever the parents are not a risk" escalates parentalRisk NO but not UNKNOWN, which the
        // guidance handles internally: learning less about the parents would lower the pathway.
        RuleSet.Review review = review(underFourteen().set(POLICY, "O9", "").set(POLICY, "N9", "NO"));
        assertThat(review.passed()).isEmpty();
        assertThat(review.report().safety().orElseThrow().findings()).anySatisfy(f -> {
            assertThat(f.property()).isEqualTo(2);
            assertThat(f.message()).contains("parentalRisk");
        });
    }

    @Test
    void a_policy_adds_actions_in_the_action_texts_order_with_its_row_as_the_reason() throws Exception {
        RuleSet.Review review = review(underFourteen().set(POLICY, "A10", "L-02").set(POLICY, "B10", "Under 16: offer counselling")
                .set(POLICY, "O10", "16").set(POLICY, "C10", "OFFER_COUNSELLING").set(POLICY, "P10", "Our policy, section 5"));
        assertThat(review.passed()).isPresent();
        DecisionEngine engine = review.passed().get().prove();
        Recommendation r = engine.decide(ESTABLISHED_SAFE.toBuilder().person(Role.PICTURED, 15).build());
        assertThat(r.pathway()).isEqualTo(Pathway.HANDLE_INTERNALLY);
        assertThat(r.actionCodes()).contains(ActionCode.OFFER_COUNSELLING);
        assertThat(r.actionCodes().indexOf(ActionCode.OFFER_COUNSELLING)).isLessThan(r.actionCodes().indexOf(ActionCode.ONGOING_SUPPORT));
        // The policy's row follows the Actions rows it adds to, before the Questions rows.
        List<String> ids = r.ruleIds();
        int policy = ids.indexOf("L-02");
        assertThat(policy).isPositive();
        assertThat(ids.subList(0, policy)).noneMatch(id -> id.startsWith("Q-"));
        assertThat(ids.subList(policy + 1, ids.size())).allMatch(id -> id.startsWith("Q-"));
        assertThat(r.actions()).filteredOn(a -> a.code() == ActionCode.OFFER_COUNSELLING).singleElement()
                .satisfies(a -> assertThat(a.guidance()).isEqualTo("Our policy, section 5"));
    }

    /**
     * The example: "ESCALATE when immediate danger is NO and the youngest child is under
     * 18" makes a provisional escalation firm, and must not take away the initial review meeting or
     * the NSPCC Helpline that the tables give while self-harm risk is still unknown.
     */
    @Test
    void a_policy_row_only_adds_it_never_takes_away_what_the_tables_give() throws Exception {
        RuleSet.Review review = review(EditedWorkbook.ofShipped().set(POLICY, "A9", "L-01").set(POLICY, "B9", "Every child: refer")
                .set(POLICY, "C9", "ESCALATE").set(POLICY, "D9", "NO").setNumber(POLICY, "O9", 18)
                .set(POLICY, "P9", "Our child protection policy (2026), section 4.2"));
        assertThat(review.report().safety().orElseThrow().findings()).isEmpty();
        DecisionEngine withPolicy = review.passed().orElseThrow().prove();
        Incident selfHarmUnknown = ESTABLISHED_SAFE.toBuilder().selfHarmRisk(Answer.UNKNOWN)
                .person(Role.SENDER, 15).person(Role.RECIPIENT, 15).build();
        Recommendation tables = DecisionEngine.bundled().decide(selfHarmUnknown);
        Recommendation policy = withPolicy.decide(selfHarmUnknown);
        assertThat(tables.actionCodes()).contains(ActionCode.INITIAL_REVIEW_MEETING, ActionCode.CONTACT_NSPCC_HELPLINE);
        assertThat(policy.pathway()).isEqualTo(Pathway.ESCALATE);
        assertThat(policy.actionCodes()).containsAll(tables.actionCodes());
        assertThat(policy.questions()).containsAll(tables.questions());
        // Raised from HANDLE_INTERNALLY, only the internal-only actions go: they never go with a referral.
        Recommendation established = withPolicy.decide(ESTABLISHED_SAFE.toBuilder().person(Role.CREATOR, 16).build());
        assertThat(established.pathway()).isEqualTo(Pathway.ESCALATE);
        List<ActionCode> handledInternally = DecisionEngine.bundled().decide(ESTABLISHED_SAFE).actionCodes().stream()
                .filter(c -> c != ActionCode.HANDLE_WITHIN_ORGANISATION && c != ActionCode.REQUEST_DELETION).toList();
        assertThat(established.actionCodes()).containsAll(handledInternally)
                .doesNotContain(ActionCode.HANDLE_WITHIN_ORGANISATION, ActionCode.REQUEST_DELETION);
    }

    @Test
    void the_diff_marks_every_lost_action_as_less_safe() {
        int action = org.safeguarding.rules.tables.TableTemplate.ACTIONS.column(org.safeguarding.rules.tables.ColumnKind.OUTCOME);
        RuleSet edited = RuleSet.build(List.of(EditedWorkbook.ofShipped()
                .setRule(org.safeguarding.rules.tables.TableTemplate.ACTIONS, "A-23", action, "ONGOING_SUPPORT").toWorkbook()))
                .ruleSet().orElseThrow();
        ImpactReport changes = edited.changesFrom(RuleSet.bundled());
        assertThat(changes.actionChanges()).filteredOn(c -> c.change().equals("- OFFER_COUNSELLING")).singleElement()
                .satisfies(c -> assertThat(c.safetyRegression()).isTrue());
    }

    @Test
    void index_and_drools_agree_under_a_policy_and_the_saved_index_keeps_it() throws Exception {
        RuleSet ruleSet = review(underFourteen()).passed().orElseThrow();
        DecisionEngine index = ruleSet.prove();
        DecisionEngine drools = index.withEvaluation(Evaluation.DROOLS);
        RuleSet reloaded = RuleSet.fromIndex(ruleSet.toIndex(), ruleSet.workbooks()).orElseThrow();
        Random random = new Random(11);
        for (int i = 0; i < 3_000; i++) {
            Incident incident = RandomIncidents.withRandomPeople(random);
            Recommendation a = index.decide(incident);
            for (Recommendation b : List.of(drools.decide(incident), reloaded.prove().decide(incident))) {
                assertThat(b.pathway()).isEqualTo(a.pathway());
                assertThat(b.provisional()).isEqualTo(a.provisional());
                assertThat(b.actions()).isEqualTo(a.actions());
                assertThat(b.reasons()).isEqualTo(a.reasons());
                assertThat(b.warnings()).isEqualTo(a.warnings());
            }
        }
    }

    @Test
    void the_setting_s_own_scenario_rows_run_beside_the_shipped_ones_and_check_its_policy() throws Exception {
        Incident thirteen = ESTABLISHED_SAFE.toBuilder().person(Role.CREATOR, 13).build();
        Scenario own = new Scenario("our-scenarios.xlsx", 2, "OUR-01", "a 13-year-old's consensual image: our policy refers it",
                "Our child protection policy (2026), section 4.2", thirteen, Pathway.ESCALATE, Optional.of(false),
                List.of(ActionCode.REFER_CHILDRENS_SOCIAL_CARE), List.of(ActionCode.HANDLE_WITHIN_ORGANISATION), List.of("L-01"));
        List<Scenario> all = new java.util.ArrayList<>(Scenarios.bundled());
        all.add(own);
        RuleSet.Review withPolicy = RuleSet.review(List.of(new Workbook(EditedWorkbook.NAME, underFourteen().bytes())), all, Optional.empty());
        assertThat(withPolicy.report().scenarios()).allSatisfy(s -> assertThat(s.differences()).as(s.scenario().id()).isEmpty());
        assertThat(withPolicy.passed()).isPresent();
        RuleSet.Review withoutPolicy = RuleSet.review(Workbook.bundled(), all, Optional.empty());
        assertThat(withoutPolicy.report().scenarios()).filteredOn(s -> s.scenario().id().equals("OUR-01")).singleElement()
                .satisfies(s -> assertThat(s.differences()).contains("pathway: expected ESCALATE (or stricter), got HANDLE_INTERNALLY"));
    }
}
