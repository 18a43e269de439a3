package org.safeguarding.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/rules decide}, run in-process with its own stdin, stdout and stderr. */
class DecideCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    static Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(List.of(args), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void immediate_danger_is_an_emergency_with_999_first() throws Exception {
        Run run = run("{\"immediateDanger\": true}", "decide");
        assertThat(run.exit()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("pathway").asText()).isEqualTo("EMERGENCY");
        assertThat(json.get("provisional").asBoolean()).isFalse();
        assertThat(json.at("/actions/0/code").asText()).isEqualTo("CALL_999");
        assertThat(json.at("/reasons/0/rule").asText()).isEqualTo("P-01");
        assertThat(json.at("/ruleSet/sha256").asText()).hasSize(64);
    }

    @Test
    void an_empty_request_escalates_provisionally_asking_about_danger_first() throws Exception {
        JsonNode json = run("{}", "decide").json();
        assertThat(json.get("pathway").asText()).isEqualTo("ESCALATE");
        assertThat(json.get("provisional").asBoolean()).isTrue();
        assertThat(json.at("/questions/0/code").asText()).isEqualTo("immediateDanger");
        assertThat(json.get("reference").isNull()).isTrue();
    }

    @Test
    void a_misspelt_field_exits_2_naming_it() throws Exception {
        Run run = run("{\"adultInvolve\": true}", "decide");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEmpty();
        JsonNode json = run.json();
        assertThat(json.get("status").asInt()).isEqualTo(400);
        assertThat(json.at("/errors/0/field").asText()).isEqualTo("adultInvolve");
        assertThat(json.at("/errors/0/message").asText()).contains("did you mean adultInvolved?");
    }

    @Test
    void wrong_types_and_values_are_each_named() throws Exception {
        Run run = run("{\"adultInvolved\": \"yes\", \"consentGiven\": 1, \"sharing\": \"EVERYWHERE\","
                + " \"people\": [{\"role\": \"PARENT\", \"age\": 12.5}], \"reference\": \"has space\"}", "decide");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.json().get("errors").findValuesAsText("field"))
                .containsExactly("adultInvolved", "consentGiven", "sharing", "people[0].role", "people[0].age", "reference");
        assertThat(run.out()).doesNotContain("has space").doesNotContain("EVERYWHERE");
    }

    @Test
    void malformed_json_and_duplicate_fields_are_bad_input() throws Exception {
        assertThat(run("{\"immediateDanger\": tru", "decide").exit()).isEqualTo(2);
        Run duplicate = run("{\"immediateDanger\": false, \"immediateDanger\": true}", "decide");
        assertThat(duplicate.exit()).isEqualTo(2);
        assertThat(duplicate.json().at("/errors/0/message").asText()).contains("appears twice");
        assertThat(duplicate.json().at("/errors/0/field").asText()).isEqualTo("immediateDanger");
        assertThat(duplicate.json().at("/emergency/code").asText()).as("it said true once").isEqualTo("CALL_999");
        Run nested = run("{\"people\": [{\"role\": \"PICTURED\"}, {\"role\": \"OTHER\", \"age\": 3, \"age\": 4}]}", "decide");
        assertThat(nested.json().at("/errors/0/field").asText()).isEqualTo("people[1].age");
        assertThat(run("", "decide").exit()).isEqualTo(2);
        assertThat(run("[]", "decide").exit()).isEqualTo(2);
    }

    @Test
    void a_contradiction_is_decided_the_safer_way_with_a_warning() throws Exception {
        Run run = run("{\"adultInvolved\": false, \"people\": [{\"role\":\"RECIPIENT\",\"age\":19}, {\"role\":\"CREATOR\",\"age\":15}]}", "decide");
        assertThat(run.exit()).isZero();
        assertThat(run.json().get("pathway").asText()).isEqualTo("ESCALATE");
        assertThat(run.json().at("/derivedFacts/adultInvolved").asBoolean()).isTrue();
        assertThat(run.json().get("warnings").findValuesAsText("field")).containsExactly("adultInvolved");
    }

    @Test
    void an_unreadable_emergency_still_says_call_999() throws Exception {
        Run typo = run("{\"immediateDanger\": true, \"adultInvolve\": true}", "decide");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.json().at("/emergency/code").asText()).isEqualTo("CALL_999");
        assertThat(typo.json().at("/emergency/text").asText()).contains("999");
        Run broken = run("{\"immediateDanger\": true, \"people\": [{\"role\": \"PICTURED\", \"age\": 15}", "decide");
        assertThat(broken.json().at("/emergency/code").asText()).isEqualTo("CALL_999");
        Run calm = run("{\"immediateDanger\": false, \"adultInvolve\": true}", "decide");
        assertThat(calm.json().has("emergency")).isFalse();
    }

    @Test
    void input_is_limited_like_the_service() throws Exception {
        StringBuilder people = new StringBuilder("{\"immediateDanger\": true, \"people\": [");
        for (int i = 0; i < 200_000; i++) {
            people.append(i == 0 ? "" : ",").append("{\"role\":\"OTHER\",\"age\":15}");
        }
        long start = System.nanoTime();
        Run run = run(people.append("]}").toString(), "decide");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.json().get("status").asInt()).isEqualTo(413);
        assertThat(run.json().get("errors").findValuesAsText("field")).containsExactly("body");
        assertThat(run.json().at("/emergency/code").asText()).isEqualTo("CALL_999");
        System.out.printf("a 200,000-person request refused in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        Run line = run("{}\n" + people.toString().replace("\n", "") + "\n{}\n", "decide", "--jsonl");
        List<String> answers = line.out().lines().toList();
        assertThat(answers).hasSize(3);
        assertThat(JSON.readTree(answers.get(1)).get("status").asInt()).isEqualTo(413);
        assertThat(JSON.readTree(answers.get(2)).has("decisionId")).isTrue();
    }

    @Test
    void jsonl_answers_line_by_line_and_marks_bad_lines() throws Exception {
        Run run = run("{\"immediateDanger\": true}\n{\"adultInvolve\": true}\n\n{\"reference\": \"r-3\"}\n", "decide", "--jsonl");
        assertThat(run.exit()).isEqualTo(2);
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(JSON.readTree(lines.get(0)).get("pathway").asText()).isEqualTo("EMERGENCY");
        assertThat(JSON.readTree(lines.get(1)).get("line").asInt()).isEqualTo(2);
        assertThat(JSON.readTree(lines.get(2)).get("reference").asText()).isEqualTo("r-3");
    }

    @Test
    void all_good_jsonl_exits_0() {
        assertThat(run("{}\n{\"immediateDanger\": false}\n", "decide", "--jsonl").exit()).isZero();
    }

    @Test
    void tables_from_a_folder_with_a_bad_workbook_are_reported_by_cell(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.drl.xlsx"), "not a workbook");
        Run run = run("{}", "decide", "--tables", dir.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.json().at("/problems/0/workbook").asText()).isEqualTo("broken.drl.xlsx");
        assertThat(run.json().at("/problems/0/message").asText()).contains("not a valid Excel workbook");
    }

    @Test
    void bad_usage_exits_2_with_usage_on_stderr() {
        Run unknown = run("", "frobnicate");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("usage: bin/rules");
        assertThat(run("", "decide", "--nope").exit()).isEqualTo(2);
        assertThat(run("", "decide", "--tables").exit()).isEqualTo(2);
    }
}
