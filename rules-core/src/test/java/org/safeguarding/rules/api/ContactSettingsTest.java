package org.safeguarding.rules.api;

import org.safeguarding.rules.DecisionEngine;

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

    /**
     * An MIS serving thousands of schools: an engine per school over one proven rule set. Each
     * keeps its own numbers, and together they cost at most 10 KB and 1 ms each (heap measured
     * after a collection; the figures for 10,000 are in docs/performance.md).
     */
    @Test
    void a_thousand_schools_each_keep_their_own_numbers_in_under_ten_kilobytes_each() throws Exception {
        DecisionEngine shipped = Engines.bundled();
        Incident referral = Incident.builder().immediateDanger(Answer.NO).person(Role.CREATOR, 14).person(Role.SHARER, 30).build();
        Incident staff = Incident.builder().immediateDanger(Answer.NO).adultIsStaffOrVolunteer(Answer.YES).build();
        shipped.withContacts(Map.of("LOCAL_CHILDRENS_SERVICES", "0300 000 0000")).decide(referral); // classes loaded before measuring
        Runtime runtime = Runtime.getRuntime();
        long before = usedAfterCollection(runtime);
        long started = System.nanoTime();
        DecisionEngine[] schools = new DecisionEngine[1_000];
        for (int i = 0; i < schools.length; i++) {
            schools[i] = shipped.withContacts(Map.of("LOCAL_CHILDRENS_SERVICES", number(i, 1), "EMERGENCY_DUTY_TEAM", number(i, 2),
                    "LADO", number(i, 3)));
        }
        long nanosEach = (System.nanoTime() - started) / schools.length;
        long bytesEach = (usedAfterCollection(runtime) - before) / schools.length;
        assertThat(bytesEach).as("heap per engine, bytes").isLessThanOrEqualTo(10 * 1024);
        assertThat(nanosEach).as("time per engine, ns").isLessThan(1_000_000);
        for (int i = 0; i < schools.length; i++) {
            String words = texts(schools[i].decide(referral));
            assertThat(words).contains(number(i, 1), number(i, 2)).doesNotContain("number not set");
            assertThat(texts(schools[i].decide(staff))).contains(number(i, 3));
            if (i > 0) {
                assertThat(words).doesNotContain(number(i - 1, 1));
            }
        }
    }

    private static String number(int school, int contact) {
        return String.format("0%d00 %03d %04d", contact, school / 10, school);
    }

    private static long usedAfterCollection(Runtime runtime) throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    @Test
    void an_engine_made_from_another_keeps_its_contacts_unless_replaced() throws Exception {
        DecisionEngine north = Engines.bundled().withContacts(Map.of("LOCAL_CHILDRENS_SERVICES", "0300 111 2222", "LADO", "0300 111 3333"));
        DecisionEngine moved = north.withContacts(Map.of("LOCAL_CHILDRENS_SERVICES", "0300 999 8888"));
        String words = texts(moved.decide(Incident.builder().immediateDanger(Answer.NO).adultIsStaffOrVolunteer(Answer.YES).build()));
        assertThat(words).contains("0300 999 8888", "0300 111 3333").doesNotContain("0300 111 2222");
        assertThat(moved.ruleSet().setupWarnings()).as("only the out-of-hours number is still to set").hasSize(1)
                .allSatisfy(w -> assertThat(w.message()).startsWith("The contact EMERGENCY_DUTY_TEAM "));
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
