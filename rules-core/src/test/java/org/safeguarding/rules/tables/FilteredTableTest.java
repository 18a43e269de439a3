package org.safeguarding.rules.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.safeguarding.rules.api.Problem;
import org.safeguarding.rules.api.Workbook;

/**
 * A lead filters a table with the header's filter buttons to see some rules, and saves it so:
 * the rows the filter hides are still rules, read and checked like the others, and not refused
 * as hidden rows. A row hidden by hand still is.
 */
class FilteredTableTest {
    @Test
    void rows_hidden_by_a_filter_are_read_and_the_workbook_is_valid() {
        // Pathway filtered on the outcome column (N: filter column 13, counting A as 0) showing ESCALATE: P-01 (row 9) and P-22 (row 30) hidden.
        Workbook filtered = EditedWorkbook.ofShipped().filter("Pathway", "A8:O30", 2, "ESCALATE", 9, 30).toWorkbook();
        WorkbookReader.Result read = WorkbookReader.read(List.of(filtered));
        assertThat(read.problems()).isEmpty();
        assertThat(read.tables().orElseThrow().pathwayRows()).extracting(RuleRow::id).contains("P-01", "P-22").hasSize(22);
    }

    @Test
    void a_wrong_value_in_a_row_the_filter_hides_is_still_found() {
        Workbook filtered = EditedWorkbook.ofShipped().set("Pathway", "D9", "YESS").filter("Pathway", "A8:O30", 2, "ESCALATE", 9).toWorkbook();
        assertThat(WorkbookReader.read(List.of(filtered)).problems()).extracting(Problem::cell).contains("D9");
    }

    @Test
    void a_row_hidden_by_hand_is_still_refused() {
        Workbook hidden = EditedWorkbook.ofShipped().hideRow("Pathway", 10).toWorkbook();
        assertThat(WorkbookReader.read(List.of(hidden)).problems()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("This rule's row is hidden"));
    }
}
