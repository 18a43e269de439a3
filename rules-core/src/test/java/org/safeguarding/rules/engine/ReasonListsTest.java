package org.safeguarding.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.safeguarding.rules.api.Reason;

/** The shared reason lists are always the three parts in order, and shared only for the same three parts. */
class ReasonListsTest {

    @Test
    void the_same_three_parts_give_the_same_list_and_any_others_their_own() {
        ReasonLists lists = new ReasonLists();
        List<Reason[]> parts = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) { // more pairs than slots, so slots are taken over
            parts.add(new Reason[] {new Reason("P-" + i, "Pathway", "text", "guidance")});
        }
        Reason[] outcome = {new Reason("A-01", "Actions", "act", "g")};
        Reason[] questions = {new Reason("Q-01", "Questions", "ask", "g")};
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            Reason[] pathway = parts.get(random.nextInt(parts.size()));
            Reason[] other = random.nextBoolean() ? outcome : new Reason[0];
            Reason[] asked = random.nextBoolean() ? questions : new Reason[0];
            List<Reason> reasons = lists.of(pathway, other, asked);
            List<Reason> expected = new ArrayList<>(List.of(pathway));
            expected.addAll(List.of(other));
            expected.addAll(List.of(asked));
            assertThat(reasons).containsExactlyElementsOf(expected);
            assertThat(lists.of(pathway, other, asked)).as("asked again at once").isSameAs(reasons);
        }
        Reason[] same = parts.get(0);
        assertThat(lists.of(same, outcome, questions)).isNotSameAs(lists.of(same.clone(), outcome, questions))
                .isEqualTo(lists.of(same.clone(), outcome, questions));
        assertThat(lists.of(same, outcome, questions)).isNotSameAs(lists.of(same, outcome, questions.clone()));
    }
}
