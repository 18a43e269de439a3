package org.safeguarding.rules.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.safeguarding.rules.api.Problem;
import org.safeguarding.rules.api.Workbook;
import org.safeguarding.rules.engine.RuleSetBuilder;

/**
 * What an ordinary day in a spreadsheet program leaves in a workbook (issue 25): LibreOffice's
 * empty row at 1,048,576 after a row is deleted, short service numbers typed as numbers, the name
 * a browser gives a second download. LibreOffice itself makes these edits in e2e/roundtrip.sh.
 */
class LeadsDayTest {
    private static List<Problem> problems(Workbook workbook) {
        return RuleSetBuilder.build(List.of(workbook)).problems();
    }

    @Test
    void an_empty_row_at_the_bottom_of_the_sheet_is_not_part_of_the_table() {
        for (String sheet : List.of("Pathway", "Policy", "Action texts", "Contacts", "Read me")) {
            Workbook saved = EditedWorkbook.ofShipped().set(sheet, "A1048576", "").toWorkbook();
            assertThat(problems(saved)).as(sheet).isEmpty();
        }
    }

    @Test
    void a_sheet_refused_for_its_size_is_never_also_called_missing() {
        Workbook huge = EditedWorkbook.ofShipped().set("Action texts", "A10002", "x").toWorkbook();
        assertThat(problems(huge)).extracting(Problem::message).anyMatch(m -> m.contains("more than 10000 rows"))
                .noneMatch(m -> m.contains("is missing"));
    }

    @Test
    void short_service_numbers_typed_as_numbers_are_not_flagged() {
        for (double number : new double[] {999, 101, 111, 116123}) {
            EditedWorkbook edited = EditedWorkbook.ofShipped().setNumber("Contacts", "B3", number);
            assertThat(problems(edited.toWorkbook())).as("%s", (long) number).isEmpty();
        }
    }

    @Test
    void a_rule_workbook_is_known_by_its_sheets_whatever_the_file_is_called() {
        byte[] shipped = EditedWorkbook.shippedBytes();
        assertThat(new Workbook("safeguarding-rules.drl (1).xlsx", shipped).isRuleWorkbook()).isTrue();
        assertThat(new Workbook("Copy of our rules.xlsx", shipped).isRuleWorkbook()).isTrue();
        assertThat(problems(new Workbook("safeguarding-rules.drl (1).xlsx", shipped))).isEmpty();
        byte[] scenarios = Workbook.bundled(Workbook.BUNDLED_SCENARIOS).bytes();
        assertThat(new Workbook("scenarios (1).xlsx", scenarios).isRuleWorkbook()).isFalse();
        assertThat(new Workbook("notes.xlsx", "not a zip".getBytes()).isRuleWorkbook()).isFalse();
    }
}
