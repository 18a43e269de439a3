package org.safeguarding.rules.tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Problem;

/**
 * One rule sheet (Pathway, Actions, Questions or Policy) read against its {@link SheetTemplate}:
 * its layout (the current one, or an earlier one still read), the notes or technical rows above
 * the header, the header, and every rule row with each cell checked against its column. Every
 * problem names its cell.
 */
final class RuleSheet {
    private final SheetTemplate template;
    private final WorkbookReader.Located located;
    private final SheetCells cells;
    private final List<Problem> problems;
    private final List<Problem> setupWarnings;
    private final Map<String, java.util.Set<String>> absentColumns;

    RuleSheet(SheetTemplate template, WorkbookReader.Located located, List<Problem> problems, List<Problem> setupWarnings,
              Map<String, java.util.Set<String>> absentColumns) {
        this.template = template;
        this.located = located;
        this.cells = new SheetCells(located.workbook());
        this.problems = problems;
        this.setupWarnings = setupWarnings;
        this.absentColumns = absentColumns;
    }

    List<RuleRow> rows() {
        Sheet sheet = located.sheet();
        String book = located.workbook();
        SheetTemplate layout = layoutOf(template, sheet);
        noteAbsentColumns(template, layout, located);
        if (isLegacyLayout(book, sheet)) {
            checkTechnicalRows(layout, book, sheet);
        } else {
            checkNotesAboveHeader(layout, book, sheet);
        }
        checkHeaders(layout, book, sheet);
        List<ColumnSpec> columns = layout.columns();
        List<RuleRow> rows = new ArrayList<>();
        int blankAt = -1;
        // A lead may filter the table (the header's filter buttons) to see some rules: rows the filter
        // hides are still read, and still checked, so they are not "hidden rows". Rows hidden by hand are.
        boolean filtered = SheetCells.isFiltered(sheet);
        for (int r = SheetTemplate.FIRST_DATA_ROW, last = SheetCells.lastUsedRow(sheet); r <= last; r++) {
            Row row = sheet.getRow(r);
            if (SheetCells.isBlank(row)) {
                if (blankAt < 0) {
                    blankAt = r;
                }
                continue;
            }
            if (blankAt >= 0) {
                problems.add(new Problem(book, sheet.getSheetName(), "row " + (r + 1), "This row comes after the blank row "
                        + (blankAt + 1) + ", so the rules would ignore it. Delete the blank row so the table has no gaps."));
                continue;
            }
            if (row.getZeroHeight() && !filtered) {
                problems.add(new Problem(book, sheet.getSheetName(), "row " + (r + 1), "This rule's row is hidden. Unhide it: every rule must be visible to the people who review it."));
            }
            Visibility.checkRow(cells, sheet, row, "rule", problems);
            for (Cell cell : row) {
                if (cell.getColumnIndex() >= columns.size() && !text(book, sheet, cell).isEmpty()) {
                    problems.add(problem(book, sheet, cell, "This cell is outside the table (the last column is '"
                            + columns.get(columns.size() - 1).label() + "'). Move or delete it."));
                }
            }
            Map<String, String> conditions = new LinkedHashMap<>();
            String id = "";
            String description = "";
            String outcome = "";
            String guidance = "";
            for (int c = 0; c < columns.size(); c++) {
                ColumnSpec column = columns.get(c);
                Cell cell = row.getCell(c);
                String value = text(book, sheet, cell);
                if (template == TableTemplate.QUESTIONS && column.kind() == ColumnKind.OUTCOME) {
                    // "Ask about" may name the fact in words, as the column headers do ("Immediate danger?").
                    value = TableTemplate.factLabelled(value).map(Fact::fieldName).orElse(value);
                }
                switch (column.kind()) {
                    case ID -> id = value;
                    case DESCRIPTION -> description = value;
                    case GUIDANCE -> guidance = value;
                    case OUTCOME -> outcome = value;
                    case CONDITION -> {
                        if (!value.isEmpty()) {
                            conditions.put(column.input(), value);
                        }
                    }
                }
                checkDataCell(layout, column, book, sheet, r, c, value);
            }
            rows.add(new RuleRow(book, template, r + 1, id, description, conditions, outcome, guidance));
        }
        for (int c = 0; c < columns.size(); c++) {
            if (sheet.isColumnHidden(c)) {
                problems.add(new Problem(book, sheet.getSheetName(), CellReference.convertNumToColString(c) + (SheetTemplate.HEADER_ROW + 1),
                        "The column '" + columns.get(c).label() + "' is hidden. Unhide it: every condition must be visible to the people who review it."));
            } else if (Visibility.columnTooNarrow(sheet, c)) {
                problems.add(new Problem(book, sheet.getSheetName(), CellReference.convertNumToColString(c) + (SheetTemplate.HEADER_ROW + 1),
                        "The column '" + columns.get(c).label() + "' is too narrow to read. Widen it: every condition must be visible to the people who review it."));
            }
        }
        if (rows.isEmpty() && template != TableTemplate.POLICY) {
            problems.add(new Problem(book, sheet.getSheetName(), "row " + (SheetTemplate.FIRST_DATA_ROW + 1),
                    "The table has no rules. The first rule goes in row " + (SheetTemplate.FIRST_DATA_ROW + 1) + "."));
        }
        return rows;
    }

    private void checkDataCell(SheetTemplate template, ColumnSpec column, String book, Sheet sheet, int r, int c, String value) {
        String cell = new CellReference(r, c).formatAsString(false);
        String name = sheet.getSheetName();
        switch (column.kind()) {
            case ID -> {
                if (value.isEmpty()) {
                    problems.add(new Problem(book, name, cell, "The rule has no ID. Give it a new ID such as "
                            + template.idPrefix() + "-" + "99" + "."));
                } else if (!value.matches(Pattern.quote(template.idPrefix()) + "-[0-9]{2,3}")) {
                    problems.add(new Problem(book, name, cell, "'" + value + "' is not a rule ID for this sheet. IDs look like "
                            + template.idPrefix() + "-01: the letter " + template.idPrefix() + ", a hyphen and two or three digits."));
                }
            }
            case DESCRIPTION -> {
                if (value.isEmpty()) {
                    problems.add(new Problem(book, name, cell, "The rule has no description. Say in plain words what it means."));
                }
            }
            case GUIDANCE -> {
                if (value.isEmpty()) {
                    problems.add(new Problem(book, name, cell, "The rule cites no guidance. Add the source and section it comes from."));
                }
            }
            case OUTCOME -> {
                if (value.isEmpty()) {
                    problems.add(new Problem(book, name, cell, "The rule has no '" + column.label() + "'. Choose one from the drop-down."));
                } else {
                    checkAllowed(column, book, name, cell, value);
                }
            }
            case CONDITION -> {
                if (!value.isEmpty()) {
                    checkAllowed(column, book, name, cell, value);
                }
            }
        }
    }

    private void checkAllowed(ColumnSpec column, String book, String sheet, String cell, String value) {
        if (column.allowed().contains(value)) {
            return;
        }
        Optional<String> near = column.allowed().stream().filter(v -> v.equalsIgnoreCase(value)).findFirst()
                .or(() -> column.allowed().stream().filter(v -> typo(v, value)).findFirst());
        // A near miss is answered with the one value meant; the whole list only when nothing is near.
        problems.add(new Problem(book, sheet, cell, "'" + value + "' is not allowed in '" + column.label() + "'. " + near.map(v ->
                "Did you mean " + v + "?").orElse("Use one of " + String.join(", ", column.allowed())
                + (column.kind() == ColumnKind.CONDITION ? ", or leave it blank for any value." : "."))));
    }

    /** One or two letters wrong, missing, extra or swapped (ESCALTE for ESCALATE), letter case aside. */
    static boolean typo(String allowed, String typed) {
        String a = allowed.toUpperCase(java.util.Locale.ROOT);
        String b = typed.strip().toUpperCase(java.util.Locale.ROOT);
        if (Math.abs(a.length() - b.length()) > 2 || Math.min(a.length(), b.length()) < 4) {
            return false;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()] <= 2;
    }

    /**
     * Workbooks made before the rules were generated by the product carry Drools' technical rows
     * above the header (A1 is "RuleSet"). They still load: the rows are checked against the
     * template, so nothing unexpected hides there, and then ignored.
     */
    private boolean isLegacyLayout(String book, Sheet sheet) {
        Row first = sheet.getRow(SheetTemplate.RULESET_ROW);
        return first != null && cells.read(sheet, first.getCell(0)).text().equals("RuleSet"); // checkTechnicalRows reads it for its value
    }

    /**
     * The rows above the header are notes for people and never read as rules; a rule typed there
     * by mistake is pointed out rather than silently ignored. Merged cells may only sit there.
     */
    private void checkNotesAboveHeader(SheetTemplate template, String book, Sheet sheet) {
        Pattern id = Pattern.compile(Pattern.quote(template.idPrefix()) + "-[0-9]{2,3}");
        for (int r = 0; r < SheetTemplate.HEADER_ROW; r++) {
            Row row = sheet.getRow(r);
            if (row != null && id.matcher(text(book, sheet, row.getCell(0))).matches()) {
                problems.add(new Problem(book, sheet.getSheetName(), "A" + (r + 1), "This rule is above the table's header, "
                        + "so it would be ignored. Move it into the table, below row " + (SheetTemplate.HEADER_ROW + 1) + "."));
            }
        }
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            if (region.getLastRow() >= SheetTemplate.HEADER_ROW) {
                problems.add(new Problem(book, sheet.getSheetName(), region.formatAsString(), "Merged cells change how the rules are read. Unmerge them."));
            }
        }
    }

    /**
     * An earlier layout is read as it is; what it cannot say is remembered for the safety analysis
     * and, for the facts added since (a threat to share, social care status), told to the lead as a
     * setting still to make, naming the cell where the column goes.
     */
    private void noteAbsentColumns(SheetTemplate template, SheetTemplate layout, WorkbookReader.Located located) {
        java.util.Set<String> absent = new java.util.LinkedHashSet<>(template.conditionInputs());
        absent.removeAll(layout.conditionInputs());
        if (absent.isEmpty()) {
            return;
        }
        absentColumns.put(template.sheetName(), absent);
        String guidance = org.apache.poi.ss.util.CellReference.convertNumToColString(layout.columns().size() - 1)
                + (SheetTemplate.HEADER_ROW + 1);
        String after = null;
        for (TableTemplate.AddedFact added : TableTemplate.ADDED) {
            String label = TableTemplate.label(added.fact());
            if (absent.contains(added.fact().fieldName())) {
                setupWarnings.add(new Problem(located.workbook(), located.sheet().getSheetName(), guidance,
                        "This sheet was made before the '" + label + "' column, so " + added.without() + ". Insert the column here, "
                                + "before the guidance" + (after == null ? "" : " (after '" + after + "')") + ", and copy rules "
                                + (template == TableTemplate.ACTIONS ? added.actionsRules() : added.questionsRules())
                                + " from the shipped workbook."));
            }
            after = label;
        }
    }

    /** The current layout, or an earlier one whose headers the sheet has exactly (see {@link TableTemplate#earlierLayouts}). */
    private static SheetTemplate layoutOf(SheetTemplate template, Sheet sheet) {
        Row header = sheet.getRow(SheetTemplate.HEADER_ROW);
        if (header == null) {
            return template;
        }
        for (SheetTemplate earlier : TableTemplate.earlierLayouts(template)) {
            List<ColumnSpec> columns = earlier.columns();
            boolean same = label(header.getCell(columns.size())).isEmpty();
            for (int c = 0; same && c < columns.size(); c++) {
                same = label(header.getCell(c)).equals(columns.get(c).label());
            }
            if (same) {
                return earlier;
            }
        }
        return template;
    }

    /** A header cell's text, only to recognise a layout: checkHeaders reports whatever is wrong with it. */
    private static String label(Cell cell) {
        return cell != null && cell.getCellType() == CellType.STRING ? cell.getStringCellValue().strip() : "";
    }

    /** Columns are read by position, so a moved, renamed or inserted column must not pass unnoticed. */
    private void checkHeaders(SheetTemplate template, String book, Sheet sheet) {
        List<ColumnSpec> columns = template.columns();
        Row header = sheet.getRow(SheetTemplate.HEADER_ROW);
        for (int c = 0; c < columns.size(); c++) {
            String found = header == null ? "" : text(book, sheet, header.getCell(c));
            if (!found.equals(columns.get(c).label())) {
                problems.add(new Problem(book, sheet.getSheetName(), new CellReference(SheetTemplate.HEADER_ROW, c).formatAsString(false),
                        "The column header must be '" + columns.get(c).label() + "', found '" + found + "'. Columns are read by "
                                + "their position: restore the column and its header as in the shipped workbook."));
            }
        }
        if (header != null) {
            for (Cell cell : header) {
                if (cell.getColumnIndex() >= columns.size() && !text(book, sheet, cell).isEmpty()) {
                    problems.add(problem(book, sheet, cell, "This header is outside the table (the last column is '"
                            + columns.get(columns.size() - 1).label() + "'). Move or delete it."));
                }
            }
        }
    }

    private void checkTechnicalRows(SheetTemplate template, String book, Sheet sheet) {
        expect(book, sheet, SheetTemplate.RULESET_ROW, 0, "RuleSet");
        expect(book, sheet, SheetTemplate.RULESET_ROW, 1, TableTemplate.RULESET_PACKAGE);
        expect(book, sheet, SheetTemplate.IMPORT_ROW, 0, "Import");
        expect(book, sheet, SheetTemplate.IMPORT_ROW, 1, TableTemplate.IMPORTS);
        expect(book, sheet, SheetTemplate.VARIABLES_ROW, 0, "Variables");
        expect(book, sheet, SheetTemplate.VARIABLES_ROW, 1, TableTemplate.VARIABLES);
        expect(book, sheet, SheetTemplate.RULETABLE_ROW, 0, template.ruleTableCell());
        List<ColumnSpec> columns = template.columns();
        for (int c = 0; c < columns.size(); c++) {
            ColumnSpec column = columns.get(c);
            expect(book, sheet, SheetTemplate.KEYWORD_ROW, c, column.kind().keyword());
            expect(book, sheet, SheetTemplate.OBJECT_TYPE_ROW, c, c == template.firstConditionColumn() ? template.objectType() : "");
            expect(book, sheet, SheetTemplate.CODE_ROW, c, column.code());
        }
        for (int r = SheetTemplate.RULESET_ROW; r < SheetTemplate.HEADER_ROW; r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            int width = r < SheetTemplate.KEYWORD_ROW ? 2 : columns.size();
            for (Cell cell : row) {
                if (cell.getColumnIndex() >= width && !text(book, sheet, cell).isEmpty()) {
                    problems.add(problem(book, sheet, cell, "This hidden technical cell is not in the template. "
                            + "Delete what was added here, or start again from the current shipped workbook, which has no technical rows."));
                }
            }
        }
        boolean merged = false;
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            if (region.getFirstRow() == SheetTemplate.OBJECT_TYPE_ROW && region.getLastRow() == SheetTemplate.OBJECT_TYPE_ROW
                    && region.getFirstColumn() == template.firstConditionColumn()
                    && region.getLastColumn() == template.lastConditionColumn()) {
                merged = true;
            } else if (region.getFirstRow() <= SheetTemplate.FIRST_DATA_ROW - 1 || region.getLastRow() >= SheetTemplate.FIRST_DATA_ROW) {
                problems.add(new Problem(book, sheet.getSheetName(), region.formatAsString(), "Merged cells change how the rules are read. Unmerge them."));
            }
        }
        if (!merged) {
            problems.add(new Problem(book, sheet.getSheetName(), new CellReference(SheetTemplate.OBJECT_TYPE_ROW, template.firstConditionColumn()).formatAsString(false),
                    "The hidden object-type cell must stay merged across every condition column ("
                            + new CellRangeAddress(SheetTemplate.OBJECT_TYPE_ROW, SheetTemplate.OBJECT_TYPE_ROW,
                                    template.firstConditionColumn(), template.lastConditionColumn()).formatAsString()
                            + "); otherwise conditions silently stop matching. Restore it from the shipped workbook."));
        }
    }

    private void expect(String book, Sheet sheet, int r, int c, String expected) {
        Row row = sheet.getRow(r);
        Cell cell = row == null ? null : row.getCell(c);
        String found = text(book, sheet, cell);
        if (found.equals(expected)) {
            return;
        }
        String where = new CellReference(r, c).formatAsString(false);
        String message;
        if (r == SheetTemplate.KEYWORD_ROW) {
            message = "The column header must be exactly '" + expected + "', found '" + found + "'. The rule engine reads "
                    + "headers by their first letter, so other text silently changes what the column does. "
                    + "Restore the template's header.";
        } else {
            message = "This hidden technical cell must be " + (expected.isEmpty() ? "empty" : "'" + expected + "'")
                    + ", found '" + found + "'. Only the rows under the coloured header may be edited: restore it, or start "
                    + "again from the current shipped workbook, which has no technical rows.";
        }
        problems.add(new Problem(book, sheet.getSheetName(), where, message));
    }


    /** A cell's text; the problem that stops it being read is kept, once, as the cell is read for its value. */
    private String text(String book, Sheet sheet, Cell cell) {
        SheetCells.CellText read = cells.read(sheet, cell);
        read.problem().ifPresent(problems::add);
        return read.text();
    }

    private Problem problem(String book, Sheet sheet, Cell cell, String message) {
        return cells.problem(sheet, cell, message);
    }
}
