package org.safeguarding.rules.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.safeguarding.rules.api.Problem;
import org.safeguarding.rules.tables.EditedWorkbook;
import org.safeguarding.rules.tables.WorkbookReader;

/**
 * Issue 28: both workbooks the product reads are read through one cell reader that gives a
 * cell's problem as a value, so a cell read twice (to see whether a row is blank, to see the
 * layout, for its value) is still one problem, with no pass that removes repeats afterwards.
 */
class OneCellReaderTest {
    @Test
    void a_formula_in_a_rule_sheet_is_one_problem_at_its_cell_even_where_the_layout_is_read() {
        for (String cell : List.of("D9", "A1")) {
            List<Problem> problems = WorkbookReader.read(List.of(EditedWorkbook.ofShipped().formula("Pathway", cell, "\"YES\"")
                    .toWorkbook())).problems();
            assertThat(problems).as(cell).filteredOn(p -> p.message().contains("formula")).singleElement()
                    .satisfies(p -> assertThat(p.cell()).isEqualTo(cell));
        }
    }

    @Test
    void a_formula_in_a_scenario_is_refused_at_its_cell_once_as_on_the_rule_sheets() throws Exception {
        byte[] bytes;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet(ScenarioWorkbook.SHEET);
            List<String> headers = ScenarioWorkbook.headers();
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                header.createCell(c).setCellValue(headers.get(c));
            }
            Row row = sheet.createRow(1);
            row.createCell(headers.indexOf(ScenarioWorkbook.ID)).setCellFormula("\"S-1\"");
            row.createCell(headers.indexOf(ScenarioWorkbook.PATHWAY)).setCellValue("ESCALATE");
            book.write(out);
            bytes = out.toByteArray();
        }
        String idCell = new org.apache.poi.ss.util.CellReference(1, ScenarioWorkbook.headers().indexOf(ScenarioWorkbook.ID)).formatAsString(false);
        assertThat(ScenarioWorkbook.read("ours.xlsx", bytes).problems()).filteredOn(p -> p.message().contains("formula"))
                .singleElement().satisfies(p -> {
                    assertThat(p.cell()).isEqualTo(idCell);
                    assertThat(p.message()).isEqualTo("This cell holds a formula. Type the value itself: the tables may not calculate.");
                });
    }
}
