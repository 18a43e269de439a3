package org.safeguarding.rules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** One workbook, an engine per organisation: contacts set from code replace the Contacts sheet's. */
class ContactSettingsTest {

    private static String texts(Recommendation r) {
        return String.join("\n", r.actions().stream().map(Action::text).toList());
    }

    @Test
    void each_local_authority_gets_its_own_number_and_the_same_decisions() throws Exception {
        DecisionEngine shipped = Engines.bundled();
        DecisionEngine north = shipped.withContacts(Map.of("LOCAL_CHILDRENS_SERVICES", "0300 111 2222", "LADO", "0300 111 3333", "EMERGENCY_DUTY_TEAM", "0300 111 4444"));
        DecisionEngine south = shipped.withContacts(Map.of("LOCAL_CHILDRENS_SERVICES", "0300 333 4444", "NSPCC_HELPLINE", "0808 800 5000"));
        Incident unknown = Incident.builder().build();
        assertThat(texts(north.decide(unknown))).contains("0300 111 2222").doesNotContain("number not set");
        assertThat(texts(south.decide(unknown))).contains("0300 333 4444").doesNotContain("0300 111 2222");
        assertThat(texts(shipped.decide(unknown))).contains("number not set");
        assertThat(north.ruleSet().setupWarnings()).as("the local numbers are set").isEmpty();
        assertThat(shipped.ruleSet().setupWarnings()).isNotEmpty();
        assertThat(north.ruleSet().sha256()).as("the version still names the workbook").isEqualTo(shipped.ruleSet().sha256());
        Random random = new Random(13);
        for (Incident incident : RandomIncidents.generate(random, 5_000)) {
            Recommendation a = shipped.decide(incident);
            Recommendation b = north.decide(incident);
            assertThat(b.pathway()).isEqualTo(a.pathway());
            assertThat(b.provisional()).isEqualTo(a.provisional());
            assertThat(b.actionCodes()).isEqualTo(a.actionCodes());
            assertThat(b.reasons()).isEqualTo(a.reasons());
        }
    }

    @Test
    void a_setting_the_tables_do_not_have_or_a_blank_one_is_refused_by_name() {
        assertThatThrownBy(() -> Engines.bundled().withContacts(Map.of("LOCAL_CHILDREN_SERVICES", "0300 111 2222")))
                .isInstanceOf(RuleSetException.class).hasMessageContaining("LOCAL_CHILDREN_SERVICES is not on the Contacts sheet")
                .hasMessageContaining("LOCAL_CHILDRENS_SERVICES");
        assertThatThrownBy(() -> Engines.bundled().withContacts(Map.of("LOCAL_CHILDRENS_SERVICES", " ")))
                .isInstanceOf(RuleSetException.class).hasMessageContaining("LOCAL_CHILDRENS_SERVICES is blank");
    }
}
