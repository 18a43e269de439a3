package org.safeguarding.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.Evaluation;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Pathway;
import org.safeguarding.rules.api.Recommendation;
import org.safeguarding.rules.tables.EditedWorkbook;
import org.safeguarding.rules.api.Workbook;

/**
 * The index serves exactly what Drools decides: on every combination of the Pathway facts, on
 * every pathway, provisional flag and value of the facts the Actions table reads, and on a
 * million random incidents (people, enums, unknowns), compared field by field.
 */
class IndexMatchesDroolsTest {
    private static final Decider INDEX = RuleSetBuilder.build(List.of(new Workbook(EditedWorkbook.NAME, EditedWorkbook.shippedBytes())))
            .decider().orElseThrow();
    private static final Decider DROOLS = INDEX.withEvaluation(Evaluation.DROOLS);

    @Test
    void the_shipped_tables_are_served_from_the_index() {
        assertThat(INDEX.evaluation()).isEqualTo(Evaluation.INDEX);
        assertThat(DROOLS.evaluation()).isEqualTo(Evaluation.DROOLS);
    }

    @Test
    void every_combination_of_the_pathway_facts() {
        Fact[] pathwayFacts = org.safeguarding.rules.tables.TableTemplate.PATHWAY_FACTS.toArray(Fact[]::new);
        int combinations = 1;
        for (Fact fact : pathwayFacts) {
            combinations *= fact.domain().size();
        }
        for (int n = 0; n < combinations; n++) {
            FactVector values = FactVector.allUnknown();
            int rest = n;
            for (Fact fact : pathwayFacts) {
                values.set(fact, fact.domain().get(rest % fact.domain().size()));
                rest /= fact.domain().size();
            }
            Decider.PathwayStep index = INDEX.pathwayStep(values, Integer.MAX_VALUE);
            Decider.PathwayStep drools = DROOLS.pathwayStep(values, Integer.MAX_VALUE);
            assertThat(index.pathway()).isEqualTo(drools.pathway());
            assertThat(index.provisional()).isEqualTo(drools.provisional());
            assertThat(index.served().reasons()).isEqualTo(drools.served().reasons());
            assertThat(sorted(INDEX.matchingPathwayRules(values, Integer.MAX_VALUE)))
                    .isEqualTo(sorted(DROOLS.matchingPathwayRules(values, Integer.MAX_VALUE)));
        }
        assertThat(combinations).isEqualTo(177_147);
    }

    @Test
    void every_input_of_the_actions_and_questions_tables() {
        Random random = new Random(1);
        Fact[] read = {Fact.ADULT_INVOLVED, Fact.COERCION_OR_BLACKMAIL, Fact.PARENTAL_RISK, Fact.CHILD_DISTRESSED, Fact.DEVICE,
                Fact.SHARING, Fact.MEDIA_TYPE};
        int combinations = 1;
        for (Fact fact : read) {
            combinations *= fact.domain().size();
        }
        for (Pathway pathway : Pathway.values()) {
            for (boolean provisional : new boolean[] {false, true}) {
                for (int n = 0; n < combinations; n++) {
                    FactVector values = randomValues(random);
                    int rest = n;
                    for (Fact fact : read) {
                        values.set(fact, fact.domain().get(rest % fact.domain().size()));
                        rest /= fact.domain().size();
                    }
                    Decider.PathwayPart part = new Decider.PathwayPart(pathway, provisional, new org.safeguarding.rules.api.Reason[0]);
                    Decider.PathwayStep step = new Decider.PathwayStep(part, part);
                    Decider.OutcomePart index = INDEX.outcomeStep(values, Integer.MAX_VALUE, step);
                    Decider.OutcomePart drools = DROOLS.outcomeStep(values, Integer.MAX_VALUE, step);
                    assertThat(index.actions()).isEqualTo(drools.actions());
                    assertThat(index.questions()).isEqualTo(drools.questions());
                    assertThat(index.reasons()).isEqualTo(drools.reasons());
                }
            }
        }
    }

    @Test
    void a_million_random_incidents_decide_the_same_field_by_field() {
        Random random = new Random(2026);
        for (int i = 0; i < 1_000_000; i++) {
            Incident incident = org.safeguarding.rules.api.RandomIncidents.withRandomPeople(random);
            assertSameAdvice(INDEX.decide(incident), DROOLS.decide(incident));
        }
    }

    /** Every field but the decision ID, the caller's reference and the rule set, which legitimately differ. */
    static void assertSameAdvice(Recommendation index, Recommendation drools) {
        assertThat(index.pathway()).isEqualTo(drools.pathway());
        assertThat(index.provisional()).isEqualTo(drools.provisional());
        assertThat(index.summary()).isEqualTo(drools.summary());
        assertThat(index.actions()).isEqualTo(drools.actions());
        assertThat(index.questions()).isEqualTo(drools.questions());
        assertThat(index.reasons()).isEqualTo(drools.reasons());
        assertThat(index.derivedFacts()).isEqualTo(drools.derivedFacts());
        assertThat(index.warnings()).isEqualTo(drools.warnings());
    }

    private static FactVector randomValues(Random random) {
        FactVector values = FactVector.allUnknown();
        for (Fact fact : Fact.values()) {
            values.set(fact, fact.domain().get(random.nextInt(fact.domain().size())));
        }
        values.set(Fact.IMMEDIATE_DANGER, random.nextBoolean() ? Answer.NO : Answer.UNKNOWN);
        return values;
    }

    private static List<String> sorted(List<String> ids) {
        return ids.stream().sorted().toList();
    }
}
