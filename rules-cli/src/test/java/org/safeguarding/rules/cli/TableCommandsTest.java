package org.safeguarding.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.rules.tables.ColumnKind;
import org.safeguarding.rules.tables.EditedWorkbook;
import org.safeguarding.rules.tables.TableTemplate;

/** validate, test, analyse, diff and render, as a lead runs them: exit codes, text and --json. */
class TableCommandsTest {
    @TempDir
    static Path dir;
    static Path shipped;
    static Path unsafe;
    static Path stricter;

    @BeforeAll
    static void tables() throws Exception {
        shipped = folder("shipped", EditedWorkbook.shippedBytes());
        Files.write(shipped.resolve("scenarios.xlsx"), scenarioBytes());
        int outcome = TableTemplate.PATHWAY.column(ColumnKind.OUTCOME);
        unsafe = folder("unsafe", EditedWorkbook.ofShipped().setRule(TableTemplate.PATHWAY, "P-09", outcome, "HANDLE_INTERNALLY").bytes());
        int mediaTypeNot = TableTemplate.ACTIONS.conditionInputs().indexOf("mediaType") + TableTemplate.ACTIONS.firstConditionColumn();
        stricter = folder("stricter", EditedWorkbook.ofShipped().setRule(TableTemplate.ACTIONS, "A-26", mediaTypeNot, "").bytes());
    }

    static Path folder(String name, byte[] workbook) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.write(folder.resolve(EditedWorkbook.NAME), workbook);
        return folder;
    }

    /** How many scenarios the shipped scenario workbook holds, one per row under its header. */
    private static int shippedScenarios() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(scenarioBytes()))) {
            var sheet = book.getSheet("Scenarios");
            int rows = 0;
            for (var row : sheet) {
                var id = row.getCell(0);
                rows += row.getRowNum() > 0 && id != null && id.getStringCellValue().startsWith("S-") ? 1 : 0;
            }
            return rows;
        }
    }

    static byte[] scenarioBytes() throws Exception {
        try (var in = TableCommandsTest.class.getClassLoader().getResourceAsStream("org/safeguarding/tables/scenarios.xlsx")) {
            return in.readAllBytes();
        }
    }

    static DecideCommandTest.Run run(String... args) {
        return DecideCommandTest.run("", args);
    }

    @Test
    void shipped_tables_validate() throws Exception {
        DecideCommandTest.Run run = run("validate", shipped.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("OK: 1 workbook(s)");
        assertThat(run("validate", shipped.toString(), "--json").json().get("ok").asBoolean()).isTrue();
    }

    @Test
    void an_unset_contact_is_a_warning_naming_its_cell_and_an_error_with_strict() throws Exception {
        DecideCommandTest.Run run = run("validate", shipped.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("3 local setting(s) still to make").contains("sheet 'Contacts', cell B5").contains("LOCAL_CHILDRENS_SERVICES")
                .contains("sheet 'Contacts', cell B10").contains("LADO").contains("sheet 'Contacts', cell B11").contains("EMERGENCY_DUTY_TEAM");
        assertThat(run("validate", shipped.toString(), "--json").json().at("/warnings/0/cell").asText()).isEqualTo("B5");
        DecideCommandTest.Run strict = run("validate", shipped.toString(), "--strict");
        assertThat(strict.exit()).isEqualTo(1);
        assertThat(strict.out()).contains("sheet 'Contacts', cell B5");
        Path set = folder("number-set", EditedWorkbook.ofShipped().set("Contacts", "B5", "0300 123 4567").set("Contacts", "B10", "0300 123 4568").set("Contacts", "B11", "0300 123 4569").bytes());
        assertThat(run("validate", set.toString(), "--strict").exit()).isZero();
    }

    @Test
    void mutated_copies_giving_internal_actions_on_a_referral_or_losing_999_fail_analysis() throws Exception {
        int outcome = TableTemplate.ACTIONS.column(ColumnKind.OUTCOME);
        Path internal = folder("internal-reason", EditedWorkbook.ofShipped().setRule(TableTemplate.ACTIONS, "A-03", outcome, "HANDLE_WITHIN_ORGANISATION").bytes());
        DecideCommandTest.Run run = run("analyse", internal.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("NOT SAFE: ").contains("safety property 4").doesNotContain("safety property 10");
        Path no999 = folder("no-999", EditedWorkbook.ofShipped().setRule(TableTemplate.ACTIONS, "A-01", outcome, "REPORT_TO_POLICE").bytes());
        assertThat(run("analyse", no999.toString()).out()).contains("safety property 3").doesNotContain("safety property 9");
    }

    @Test
    void validate_names_the_cell_of_each_classic_mistake() throws Exception {
        record Case(String cell, String value, String expected, boolean old) {
        }
        for (Case c : new Case[] {new Case("O8", "Reviewed by", "Pathway', cell O8", false), new Case("C9", "YESS", "Pathway', cell C9", false),
                new Case("O5", "Reviewed by", "Pathway', cell O5", true),
                new Case("N7", "out.pathway(Pathway.HANDLE_INTERNALLY, \"x\");", "Pathway', cell N7", true)}) {
            EditedWorkbook edited = c.old() ? EditedWorkbook.ofLegacy() : EditedWorkbook.ofShipped();
            Path folder = folder("broken-" + c.cell(), edited.set("Pathway", c.cell(), c.value()).bytes());
            DecideCommandTest.Run run = run("validate", folder.toString());
            assertThat(run.exit()).as(c.value()).isEqualTo(1);
            assertThat(run.out()).contains(c.expected());
            JsonNode json = run("validate", folder.toString(), "--json").json();
            assertThat(json.at("/problems/0/cell").asText()).isEqualTo(c.cell());
        }
    }

    @Test
    void shipped_scenarios_pass() throws Exception {
        DecideCommandTest.Run run = run("test", shipped.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("PASS S-01").contains(shippedScenarios() + " passed, 0 failed");
    }

    @Test
    void a_failing_scenario_says_what_differed() throws Exception {
        Path folder = folder("scenario-fails", EditedWorkbook.shippedBytes());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(scenarioBytes())); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = book.getSheet("Scenarios");
            int pathway = 0;
            for (var cell : sheet.getRow(0)) {
                if (cell.getStringCellValue().equals("Expected pathway")) {
                    pathway = cell.getColumnIndex();
                }
            }
            sheet.getRow(3).getCell(pathway).setCellValue("ESCALATE"); // S-03 is handled internally: a laxer decision fails
            book.write(out);
            Files.write(folder.resolve("mine.xlsx"), out.toByteArray());
        }
        DecideCommandTest.Run run = run("test", folder.toString(), folder.resolve("mine.xlsx").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL S-03 (row 4)").contains("pathway: expected ESCALATE (or stricter), got HANDLE_INTERNALLY").contains((shippedScenarios() - 1) + " passed, 1 failed");
        JsonNode json = run("test", folder.toString(), folder.resolve("mine.xlsx").toString(), "--json").json();
        assertThat(json.get("failed").asInt()).isEqualTo(1);
    }

    @Test
    void shipped_tables_pass_analysis() {
        DecideCommandTest.Run run = run("analyse", shipped.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("177,147 possible incidents").contains("every safety property holds");
    }

    @Test
    void missing_consent_handled_internally_fails_analysis_with_a_counterexample() throws Exception {
        DecideCommandTest.Run run = run("analyse", unsafe.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("NOT SAFE: it would be handled within the organisation").contains("safety property 8")
                .contains("For example: nobody is in immediate danger").contains("not everyone consented").contains("P-09 (Pathway sheet, cell A17)");
        JsonNode json = run("analyse", unsafe.toString(), "--json").json();
        assertThat(json.get("safe").asBoolean()).isFalse();
        assertThat(json.findValuesAsText("property")).contains("8");
    }

    @Test
    void diff_flags_the_lowered_severity_as_a_safety_regression() throws Exception {
        DecideCommandTest.Run run = run("diff", shipped.toString(), unsafe.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("SAFETY REGRESSION (less safe): The pathway changes from ESCALATE to HANDLE_INTERNALLY")
                .contains("not everyone consented");
        JsonNode json = run("diff", shipped.toString(), unsafe.toString(), "--json").json();
        assertThat(json.get("safetyRegression").asBoolean()).isTrue();
        assertThat(json.at("/pathwayChanges/0/combinations").asLong()).isPositive();
    }

    @Test
    void diff_of_a_stricter_edit_lists_the_changes_without_a_regression() {
        DecideCommandTest.Run run = run("diff", shipped.toString(), stricter.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Adds the action REPORT_TO_IWF").doesNotContain("SAFETY REGRESSION");
        assertThat(run("diff", shipped.toString(), shipped.toString()).out()).contains("No decision changes");
    }

    @Test
    void render_prints_every_rule() throws Exception {
        DecideCommandTest.Run run = run("render", shipped.resolve(EditedWorkbook.NAME).toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("| P-01 |").contains("| A-15 |").contains("| Q-15 |");
        JsonNode json = run("render", shipped.toString(), "--json").json();
        assertThat(json.at("/tables/Pathway/0/id").asText()).isEqualTo("P-01");
        assertThat(json.at("/tables/Pathway/0/conditions/immediateDanger").asText()).isEqualTo("YES");
    }

    @Test
    void render_as_textconv_never_fails_git() throws Exception {
        Path broken = Files.write(dir.resolve("broken.drl.xlsx"), "garbage".getBytes());
        assertThat(run("render", broken.toString()).exit()).isEqualTo(1);
        DecideCommandTest.Run textconv = run("render", broken.toString(), "--textconv");
        assertThat(textconv.exit()).isZero();
        assertThat(textconv.out()).contains("cannot be rendered");
    }

    @Test
    void bad_usage_and_unreadable_input_exit_2() {
        assertThat(run("validate").exit()).isEqualTo(2);
        assertThat(run("validate", dir.resolve("nowhere").toString()).exit()).isEqualTo(2);
        assertThat(run("analyse", "--frobnicate", shipped.toString()).exit()).isEqualTo(2);
        assertThat(run("diff", shipped.toString()).exit()).isEqualTo(2);
        assertThat(run("test", shipped.toString(), dir.resolve("none.xlsx").toString()).exit()).isEqualTo(2);
        assertThat(run("render").exit()).isEqualTo(2);
    }
}
