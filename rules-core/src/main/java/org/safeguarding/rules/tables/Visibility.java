package org.safeguarding.rules.tables;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Rows, columns and cells a reviewer cannot see without being "hidden": a row a few points
 * high, a column a sliver wide, a cell whose number format shows nothing (";;;"). They are
 * treated like hidden ones, so no rule or text is proven that a lead reviewing the workbook
 * would not read.
 */
final class Visibility {
    /** Lower than this, text at the smallest size a lead can read does not show. */
    static final float MIN_ROW_POINTS = 6f;
    /** Narrower than two characters (in 1/256ths of a character), a column's text does not show. */
    static final int MIN_COLUMN_WIDTH = 2 * 256;

    private Visibility() {
    }

    static boolean rowTooLow(Row row) {
        return !row.getZeroHeight() && row.getHeightInPoints() < MIN_ROW_POINTS;
    }

    static boolean columnTooNarrow(Sheet sheet, int column) {
        return !sheet.isColumnHidden(column) && sheet.getColumnWidth(column) < MIN_COLUMN_WIDTH;
    }

    /** A number format whose every section is empty, e.g. ";;;": the cell holds a value and shows nothing. */
    static boolean showsNothing(Cell cell) {
        String format = cell.getCellStyle() == null ? null : cell.getCellStyle().getDataFormatString();
        if (format == null || !format.contains(";")) {
            return false;
        }
        for (String section : format.split(";", -1)) {
            if (!section.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** A row too low to read, or a cell formatted to show nothing, is treated like a hidden one. */
    static void checkRow(SheetCells cells, Sheet sheet, Row row, String what, java.util.List<org.safeguarding.rules.api.Problem> problems) {
        if (rowTooLow(row)) {
            problems.add(new org.safeguarding.rules.api.Problem(cells.workbook(), sheet.getSheetName(), "row " + (row.getRowNum() + 1),
                    "This " + what + "'s row is too low to read (" + row.getHeightInPoints() + " pt). Make it taller: every " + what
                            + " must be visible to the people who review it."));
        }
        for (org.apache.poi.ss.usermodel.Cell cell : row) {
            if (showsNothing(cell) && !cells.read(sheet, cell).text().isEmpty()) {
                problems.add(cells.problem(sheet, cell, "This cell's format shows nothing (" + cell.getCellStyle().getDataFormatString()
                        + "), so its value is hidden. Set the format back to General: every " + what + " must be visible to the people who review it."));
            }
        }
    }
}
