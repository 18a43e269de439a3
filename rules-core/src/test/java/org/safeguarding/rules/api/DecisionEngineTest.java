package org.safeguarding.rules.api;

import org.safeguarding.rules.DecisionEngine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.rules.tables.ColumnKind;
import org.safeguarding.rules.tables.EditedWorkbook;
import org.safeguarding.rules.tables.TableTemplate;

/** Building engines from workbooks, what a caller sees when tables are bad, and sharing one engine across threads. */
class DecisionEngineTest {

    @Test
    void rule_set_is_named_by_the_hash_of_the_workbook_bytes() throws Exception {
        RuleSetInfo info = Engines.bundled().ruleSet();
        byte[] bytes = EditedWorkbook.shippedBytes();
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(info.sha256()).isEqualTo(sha);
        assertThat(info.version()).isEqualTo(sha.substring(0, 12));
        assertThat(info.tables()).extracting(RuleSetInfo.Table::name).containsExactly("Pathway", "Actions", "Questions");
        assertThat(info.tables()).extracting(RuleSetInfo.Table::rules).containsExactly(22, 53, 23);
        assertThat(Engines.bundled().decide(Incident.builder().build()).ruleSet().sha256()).isEqualTo(sha);
    }

    @Test
    void loads_the_caller_s_own_tables_from_a_folder(@TempDir Path dir) throws Exception {
        byte[] edited = EditedWorkbook.ofShipped().set(TableTemplate.CONTACTS_SHEET, "B5", "0300 123 4567")
                .set(TableTemplate.CONTACTS_SHEET, "B10", "0300 123 4568").set(TableTemplate.CONTACTS_SHEET, "B11", "0300 123 4569").bytes();
        Files.write(dir.resolve(EditedWorkbook.NAME), edited);
        DecisionEngine engine = DecisionEngine.fromPath(dir);
        Recommendation r = engine.decide(Incident.builder().build());
        assertThat(r.actions()).filteredOn(a -> a.code() == ActionCode.REFER_CHILDRENS_SOCIAL_CARE).singleElement()
                .satisfies(a -> assertThat(a.text()).contains("0300 123 4567"));
        assertThat(r.ruleSet().sha256()).isNotEqualTo(Engines.bundled().ruleSet().sha256());
        assertThat(engine.ruleSet().setupWarnings()).as("the numbers are set now").isEmpty();
    }

    @Test
    void unsafe_tables_are_refused_with_the_cell_and_an_example_in_words() {
        int outcome = TableTemplate.PATHWAY.column(ColumnKind.OUTCOME);
        byte[] unsafe = EditedWorkbook.ofShipped().setRule(TableTemplate.PATHWAY, "P-09", outcome, "HANDLE_INTERNALLY").bytes();
        assertThatThrownBy(() -> DecisionEngine.fromStreams(Map.of(EditedWorkbook.NAME, new ByteArrayInputStream(unsafe))))
                .isInstanceOf(RuleSetException.class)
                .satisfies(e -> assertThat(((RuleSetException) e).problems()).anySatisfy(p -> {
                    assertThat(p.workbook()).isEqualTo(EditedWorkbook.NAME);
                    assertThat(p.sheet()).isEqualTo("Pathway");
                    assertThat(p.cell()).isEqualTo("A17");
                    assertThat(p.message()).startsWith("This edit is not safe: it would be handled within the organisation")
                            .contains("never laxer than the guidance", "For example: nobody is in immediate danger", "not everyone consented");
                }));
    }

    @Test
    void a_file_that_is_not_a_workbook_is_a_problem_not_a_stack_trace() {
        assertThatThrownBy(() -> DecisionEngine.fromStreams(Map.of("rules.drl.xlsx", new ByteArrayInputStream("hello".getBytes()))))
                .isInstanceOf(RuleSetException.class)
                .satisfies(e -> assertThat(((RuleSetException) e).problems()).singleElement()
                        .satisfies(p -> assertThat(p.message()).contains("not a valid Excel workbook")));
    }

    @Test
    void a_wrong_value_in_a_condition_names_the_cell() {
        byte[] bytes = EditedWorkbook.ofShipped().set("Pathway", "D9", "YESS").bytes();
        assertThatThrownBy(() -> DecisionEngine.fromStreams(Map.of(EditedWorkbook.NAME, new ByteArrayInputStream(bytes))))
                .isInstanceOf(RuleSetException.class)
                .satisfies(e -> assertThat(((RuleSetException) e).problems()).singleElement().satisfies(p -> {
                    assertThat(p.sheet()).isEqualTo("Pathway");
                    assertThat(p.cell()).isEqualTo("D9");
                    assertThat(p.message()).contains("'YESS' is not allowed in 'Immediate danger?'");
                }));
    }

    @Test
    void an_old_workbook_s_edited_code_row_is_refused() {
        byte[] bytes = EditedWorkbook.ofLegacy().set("Pathway", "N7", "System.exit(1);").bytes();
        assertThatThrownBy(() -> DecisionEngine.fromStreams(Map.of(EditedWorkbook.NAME, new ByteArrayInputStream(bytes))))
                .isInstanceOf(RuleSetException.class)
                .satisfies(e -> assertThat(((RuleSetException) e).problems()).singleElement().satisfies(p -> {
                    assertThat(p.cell()).isEqualTo("N7");
                    assertThat(p.message()).contains("Only the rows under the coloured header may be edited");
                }));
    }

    @Test
    void an_old_workbook_s_header_drools_would_misread_is_refused() {
        byte[] bytes = EditedWorkbook.ofLegacy().set("Pathway", "O5", "Reviewed by").bytes();
        assertThatThrownBy(() -> DecisionEngine.fromStreams(Map.of(EditedWorkbook.NAME, new ByteArrayInputStream(bytes))))
                .isInstanceOf(RuleSetException.class)
                .satisfies(e -> assertThat(((RuleSetException) e).problems()).singleElement().satisfies(p -> {
                    assertThat(p.cell()).isEqualTo("O5");
                    assertThat(p.message()).contains("must be exactly 'METADATA'", "Reviewed by");
                }));
    }

    @Test
    void many_threads_give_the_same_answers_as_one() throws Exception {
        DecisionEngine engine = Engines.bundled();
        List<Incident> incidents = RandomIncidents.generate(new Random(7), 2_000);
        List<String> expected = new ArrayList<>();
        for (Incident incident : incidents) {
            expected.add(fingerprint(engine.decide(incident)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    List<String> answers = new ArrayList<>();
                    for (Incident incident : incidents) {
                        answers.add(fingerprint(engine.decide(incident)));
                    }
                    return answers;
                }));
            }
            for (Future<List<String>> future : futures) {
                assertThat(future.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Everything but the decision ID, which is new every time. */
    private static String fingerprint(Recommendation r) {
        return r.pathway() + "|" + r.provisional() + "|" + r.summary() + "|" + r.actions() + "|" + r.questions() + "|"
                + r.reasons() + "|" + r.derivedFacts() + "|" + r.ruleSet();
    }
}
