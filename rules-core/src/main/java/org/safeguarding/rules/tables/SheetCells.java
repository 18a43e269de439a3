package org.safeguarding.rules.tables;

import java.util.Locale;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.safeguarding.rules.api.Problem;

/**
 * How every workbook the product reads (rules and scenarios) is read, cell by cell: a cell's text
 * and the problem that stops it being read come back together as a value, and reading a cell
 * records nothing. The sheet readers decide which problems to keep: those of the cells whose
 * values they take.
 */
public final class SheetCells {
    private static final DataFormatter FORMATTER = new DataFormatter(Locale.ENGLISH);

    private final String workbook;

    public SheetCells(String workbook) {
        this.workbook = workbook;
    }

    /** A cell's text, trimmed, with the problem that stops it being read, if any. */
    public record CellText(String text, Optional<Problem> problem) {
        static final CellText EMPTY = new CellText("", Optional.empty());
    }

    /** A cell's text. A formula is refused: tables hold values, not calculations. */
    public CellText read(Sheet sheet, Cell cell) {
        if (cell == null) {
            return CellText.EMPTY;
        }
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            return new CellText("", Optional.of(problem(sheet, cell, "This cell holds a formula. Type the value itself: the tables may not calculate.")));
        }
        if (type == CellType.STRING) {
            return new CellText(cell.getStringCellValue().strip(), Optional.empty());
        }
        return new CellText(FORMATTER.formatCellValue(cell).strip(), Optional.empty());
    }

    public Problem problem(Sheet sheet, Cell cell, String message) {
        return problem(sheet, cell.getRowIndex(), cell.getColumnIndex(), message);
    }

    public Problem problem(Sheet sheet, int row, int column, String message) {
        return new Problem(workbook, sheet.getSheetName(), new CellReference(row, column).formatAsString(false), message);
    }

    public String workbook() {
        return workbook;
    }

    /** Whether a row holds nothing: no text, and no formula (which is something, if not a value). */
    public static boolean isBlank(Row row) {
        if (row == null) {
            return true;
        }
        for (Cell cell : row) {
            if (cell.getCellType() == CellType.FORMULA || !FORMATTER.formatCellValue(cell).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The last row holding anything: trailing empty rows (a spreadsheet program's formatting) are not part of the table. */
    public static int lastUsedRow(Sheet sheet) {
        int last = -1;
        for (Row row : sheet) {
            if (!isBlank(row)) {
                last = row.getRowNum();
            }
        }
        return last;
    }

    /** Whether the lead has filtered the table (the header's filter buttons) so that some rows are hidden by the filter. */
    static boolean isFiltered(Sheet sheet) {
        if (!(sheet instanceof org.apache.poi.xssf.usermodel.XSSFSheet xssf) || !xssf.getCTWorksheet().isSetAutoFilter()) {
            return false;
        }
        var filter = xssf.getCTWorksheet().getAutoFilter();
        if (filter.getRef() == null || org.apache.poi.ss.util.CellRangeAddress.valueOf(filter.getRef()).getFirstRow() != SheetTemplate.HEADER_ROW) {
            return false;
        }
        // A filter that hides something has a filterColumn (read from the XML: the slim schema jar has no class for it).
        org.w3c.dom.NodeList children = filter.getDomNode().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if ("filterColumn".equals(children.item(i).getLocalName())) {
                return true;
            }
        }
        return false;
    }
}
