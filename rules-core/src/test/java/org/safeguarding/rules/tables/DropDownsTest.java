package org.safeguarding.rules.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * A lead picks a closed list's values from a drop-down rather than typing them (issue 25): every
 * column of the shipped rule sheets whose values the template closes offers exactly those values,
 * from the first rule row down. A list too long to write inline (the Policy sheet's Then) comes
 * from a range on a visible sheet, so it is resolved here as the spreadsheet program resolves it.
 */
class DropDownsTest {
    private static final int FIRST_RULE_ROW = SheetTemplate.HEADER_ROW + 1;

    @Test
    void every_closed_list_column_offers_exactly_its_values_as_a_drop_down() throws Exception {
        List<String> checked = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(EditedWorkbook.shippedBytes()))) {
            for (SheetTemplate template : List.of(TableTemplate.PATHWAY, TableTemplate.ACTIONS, TableTemplate.QUESTIONS, TableTemplate.POLICY)) {
                XSSFSheet sheet = book.getSheet(template.sheetName());
                Row header = sheet.getRow(SheetTemplate.HEADER_ROW);
                for (ColumnSpec column : template.columns()) {
                    if (column.allowed().isEmpty() || column.kind() == ColumnKind.ID) {
                        continue;
                    }
                    int index = columnOf(header, column.label());
                    String where = template.sheetName() + " '" + column.label() + "'";
                    DataValidation validation = sheet.getDataValidations().stream()
                            .filter(v -> covers(v, FIRST_RULE_ROW, index) && covers(v, FIRST_RULE_ROW + 150, index)).findFirst()
                            .orElseThrow(() -> new AssertionError(where + " has no drop-down on its rule rows"));
                    assertThat(validation.getValidationConstraint().getValidationType()).as(where).isEqualTo(DataValidationConstraint.ValidationType.LIST);
                    assertThat(validation.getEmptyCellAllowed()).as(where + ": a blank cell (any value) stays allowed").isTrue();
                    List<String> offered = values(book, validation.getValidationConstraint()).stream()
                            // "Ask about" offers the facts in words, as the column headers name them; the reader reads either.
                            .map(value -> TableTemplate.factLabelled(value).map(org.safeguarding.rules.api.Fact::fieldName).orElse(value)).toList();
                    assertThat(offered).as(where).containsExactlyInAnyOrderElementsOf(column.allowed());
                    checked.add(where);
                }
            }
        }
        assertThat(checked).as("columns checked").contains("Policy 'Then'", "Pathway 'Immediate danger?'", "Actions 'Action'");
    }

    private static int columnOf(Row header, String label) {
        for (Cell cell : header) {
            if (cell.toString().replaceAll("\\s+", " ").strip().equals(label)) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column headed '" + label + "' on " + header.getSheet().getSheetName());
    }

    private static boolean covers(DataValidation validation, int row, int column) {
        for (CellRangeAddress range : validation.getRegions().getCellRangeAddresses()) {
            if (range.isInRange(row, column)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> values(XSSFWorkbook book, DataValidationConstraint constraint) {
        if (constraint.getExplicitListValues() != null) {
            return List.of(constraint.getExplicitListValues());
        }
        AreaReference area = new AreaReference(constraint.getFormula1(), book.getSpreadsheetVersion());
        List<String> values = new ArrayList<>();
        for (CellReference cell : area.getAllReferencedCells()) {
            Row row = book.getSheet(cell.getSheetName()).getRow(cell.getRow());
            Cell value = row == null ? null : row.getCell(cell.getCol());
            if (value != null && !value.toString().isBlank()) {
                values.add(value.toString().strip());
            }
        }
        // The Actions sheet's list is the Action texts' code column, where a code repeats once per pathway it has words for.
        return values.stream().distinct().toList();
    }
}
