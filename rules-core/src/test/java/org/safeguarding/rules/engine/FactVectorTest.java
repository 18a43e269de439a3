package org.safeguarding.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.MediaType;
import org.safeguarding.rules.api.Sharing;

class FactVectorTest {
    @Test
    void a_value_of_another_facts_type_is_refused_where_it_is_put_in() {
        FactVector facts = FactVector.allUnknown();

        assertThatThrownBy(() -> facts.set(Fact.SHARING, Answer.YES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sharing takes a value of Sharing, not Answer.YES");
        assertThatThrownBy(() -> facts.set(Fact.IMMEDIATE_DANGER, MediaType.VIDEO))
                .hasMessage("immediateDanger takes a value of Answer, not MediaType.VIDEO");
        assertThatThrownBy(() -> facts.set(Fact.DEVICE, null)).isInstanceOf(NullPointerException.class).hasMessage("device");
        assertThat(facts.get(Fact.SHARING)).isEqualTo(Sharing.UNKNOWN);
        assertThat(facts.isUnknown(Fact.IMMEDIATE_DANGER)).isTrue();
    }

    @Test
    void every_fact_starts_unknown_and_an_incident_gives_its_own_values() {
        FactVector unknown = FactVector.allUnknown();
        FactVector incident = FactVector.of(Incident.builder().immediateDanger(Answer.NO).sharing(Sharing.POSTED_ONLINE).build());

        for (Fact fact : Fact.values()) {
            assertThat(unknown.isUnknown(fact)).as(fact.fieldName()).isTrue();
        }
        assertThat(incident.answer(Fact.IMMEDIATE_DANGER)).isEqualTo(Answer.NO);
        assertThat(incident.get(Fact.SHARING, Sharing.class)).isEqualTo(Sharing.POSTED_ONLINE);
        assertThat(incident.isUnknown(Fact.ADULT_INVOLVED)).isTrue();
        assertThatThrownBy(() -> incident.answer(Fact.SHARING)).isInstanceOf(ClassCastException.class);
    }

    @Test
    void a_copy_changes_apart_from_its_original() {
        FactVector original = FactVector.allUnknown().set(Fact.ADULT_INVOLVED, Answer.YES);
        FactVector copy = original.copy().set(Fact.ADULT_INVOLVED, Answer.NO);

        assertThat(original.answer(Fact.ADULT_INVOLVED)).isEqualTo(Answer.YES);
        assertThat(copy.answer(Fact.ADULT_INVOLVED)).isEqualTo(Answer.NO);
    }
}
