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
}
