package org.safeguarding.rules.api;

/**
 * Something wrong with a workbook, located so a safeguarding lead can find and fix it.
 *
 * @param workbook the file name
 * @param sheet    the sheet name, or {@code ""} when the problem is with the whole workbook
 * @param cell     the cell in A1 notation, a row such as {@code "row 12"}, or {@code ""}
 * @param message  what is wrong and how to fix it, in plain words
 */
public record Problem(String workbook, String sheet, String cell, String message) {

    @Override
    public String toString() {
        StringBuilder where = new StringBuilder(workbook);
        if (!sheet.isEmpty()) {
            where.append(", sheet '").append(sheet).append('\'');
        }
        if (!cell.isEmpty()) {
            where.append(", ").append(cell.startsWith("row") ? cell : "cell " + cell);
        }
        return where + ": " + message;
    }
}
