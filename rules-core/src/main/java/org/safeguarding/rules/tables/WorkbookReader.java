package org.safeguarding.rules.tables;

import org.safeguarding.rules.api.Workbook;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Problem;

/**
 * Reads a rule set's workbooks and checks them against the {@link TableTemplate}: every
 * problem is reported with its workbook, sheet and cell, and nothing is compiled until there
 * are none.
 */
public final class WorkbookReader {

    private final List<Problem> setupWarnings = new ArrayList<>();
    private final Map<String, java.util.Set<String>> absentColumns = new HashMap<>();
    private static final DataFormatter FORMATTER = new DataFormatter(Locale.ENGLISH);
    /** Rows one sheet may have; the shipped tables have fewer than 50. */
    static final int MAX_ROWS = 10_000;

    private final List<Problem> problems = new ArrayList<>();
    /** The Action texts, Question texts, Summaries and Contacts sheets, read over this reader's cells. */
    private final TextSheets texts = new TextSheets(this, problems, setupWarnings);

    private WorkbookReader() {
    }

    /** The outcome of reading: the tables when there were no problems, else the problems. */
    public record Result(Optional<RuleTables> tables, List<Problem> problems) {
    }

    public static Result read(List<Workbook> workbooks) {
        return new WorkbookReader().readAll(workbooks);
    }

    private Result readAll(List<Workbook> supplied) {
        List<Workbook> workbooks = new ArrayList<>(supplied);
        workbooks.sort(Comparator.comparing(Workbook::name));
        if (workbooks.isEmpty()) {
            problems.add(new Problem("", "", "", "No workbooks were given: a rule set needs its .drl.xlsx workbook."));
            return new Result(Optional.empty(), problems);
        }
        Map<String, Located> sheets = new HashMap<>();
        java.util.Set<String> present = new java.util.HashSet<>(); // refused sheets are still there: never call them missing
        List<XSSFWorkbook> opened = new ArrayList<>();
        try {
            for (Workbook workbook : workbooks) {
                XSSFWorkbook book = open(workbook);
                if (book == null) {
                    continue;
                }
                opened.add(book);
                for (int i = 0; i < book.getNumberOfSheets(); i++) {
                    Sheet sheet = book.getSheetAt(i);
                    String name = sheet.getSheetName();
                    // Rows written, not the last row's number: LibreOffice writes an empty row at 1,048,576 once any row is deleted.
                    if (sheet.getPhysicalNumberOfRows() > MAX_ROWS || lastRowWithContent(sheet) >= MAX_ROWS) {
                        present.add(name);
                        problems.add(new Problem(workbook.name(), name, "", "This sheet has more than " + MAX_ROWS
                                + " rows, far more than decision tables need. Remove the extra rows."));
                    } else if (!TableTemplate.SHEET_ORDER.contains(name)) {
                        problems.add(new Problem(workbook.name(), name, "", "This sheet is not part of the template. "
                                + "Remove it; the sheets are " + String.join(", ", TableTemplate.SHEET_ORDER) + "."));
                    } else if (book.isSheetHidden(i) || book.isSheetVeryHidden(i)) {
                        problems.add(new Problem(workbook.name(), name, "", "This sheet is hidden. Unhide it: every sheet must be visible to the people who review it."));
                    } else if (!name.equals(TableTemplate.READ_ME_SHEET)) {
                        Located previous = sheets.putIfAbsent(name, new Located(workbook.name(), sheet));
                        if (previous != null) {
                            problems.add(new Problem(workbook.name(), name, "", "The sheet '" + name + "' is also in "
                                    + previous.workbook() + ". Keep it in one workbook only."));
                        }
                    }
                }
            }
            for (String name : TableTemplate.SHEET_ORDER) {
                if (!name.equals(TableTemplate.READ_ME_SHEET) && !TableTemplate.OPTIONAL_SHEETS.contains(name) && !sheets.containsKey(name)
                        && !present.contains(name) && !opened.isEmpty()) {
                    problems.add(new Problem(workbooks.get(0).name(), name, "", "The sheet '" + name + "' is missing. Add it back from the shipped workbook."));
                }
            }
            if (!problems.isEmpty()) {
                return new Result(Optional.empty(), distinctProblems());
            }
            Map<String, String> contacts = texts.contacts(sheets.get(TableTemplate.CONTACTS_SHEET));
            Map<SheetTemplate, List<RuleRow>> rows = new HashMap<>();
            for (SheetTemplate template : TableTemplate.RULE_SHEETS) {
                rows.put(template, ruleRows(template, sheets.get(template.sheetName())));
            }
            Located policy = sheets.get(TableTemplate.POLICY.sheetName());
            rows.put(TableTemplate.POLICY, policy == null ? List.of() : ruleRows(TableTemplate.POLICY, policy));
            checkUniqueIds(rows);
            RuleTables tables = new RuleTables(List.copyOf(workbooks), rows.get(TableTemplate.PATHWAY),
                    rows.get(TableTemplate.ACTIONS), rows.get(TableTemplate.QUESTIONS), rows.get(TableTemplate.POLICY),
                    texts.actionTexts(sheets.get(TableTemplate.ACTION_TEXTS_SHEET), contacts, TextSheets.given(rows.get(TableTemplate.ACTIONS))),
                    texts.pathwayActionTexts(), texts.provisionalActionTexts(),
                    texts.questionTexts(sheets.get(TableTemplate.QUESTION_TEXTS_SHEET), TextSheets.asked(rows.get(TableTemplate.QUESTIONS))),
                    texts.summaries(sheets.get(TableTemplate.SUMMARIES_SHEET)), contacts, texts.contactTemplates(), Workbook.sha256Of(workbooks),
                    setupWarnings, texts.textCells(), absentColumns);
            return problems.isEmpty() ? new Result(Optional.of(tables), List.of()) : new Result(Optional.empty(), distinctProblems());
        } finally {
            for (XSSFWorkbook book : opened) {
                try {
                    book.close();
                } catch (java.io.IOException ignored) {
                    // read from memory: nothing to release
                }
            }
        }
    }

    /** A formula cell is read more than once; its problem is reported once. */
    private List<Problem> distinctProblems() {
        return List.copyOf(new java.util.LinkedHashSet<>(problems));
    }

    record Located(String workbook, Sheet sheet) {
    }

    private XSSFWorkbook open(Workbook workbook) {
        Optional<String> refusal = PackageCheck.refusal(workbook.name(), workbook.bytes());
        if (refusal.isPresent()) {
            problems.add(new Problem(workbook.name(), "", "", refusal.get()));
            return null;
        }
        XSSFWorkbook book;
        try {
            book = new XSSFWorkbook(new ByteArrayInputStream(workbook.bytes()));
        } catch (Exception | LinkageError e) {
            problems.add(new Problem(workbook.name(), "", "", "This file cannot be opened as an Excel workbook (.xlsx). "
                    + "Open it in Excel or LibreOffice and save it as 'Excel Workbook (.xlsx)'." + PackageCheck.HOW_TO_SAVE));
            return null;
        }
        if (book.isStructureLocked() || book.isWindowsLocked()) {
            problems.add(new Problem(workbook.name(), "", "", "The workbook structure is protected. Unprotect it (Review > Protect Workbook) so it can be checked."));
        }
        for (int i = 0; i < book.getNumberOfSheets(); i++) {
            if (book.getSheetAt(i).getProtect()) {
                problems.add(new Problem(workbook.name(), book.getSheetName(i), "", "This sheet is password-protected. Unprotect it (Review > Unprotect Sheet) so it can be checked."));
            }
        }
        return book;
    }

    // ---- rule sheets

    private List<RuleRow> ruleRows(SheetTemplate template, Located located) {
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
        boolean filtered = isFiltered(sheet);
        for (int r = SheetTemplate.FIRST_DATA_ROW, last = lastUsedRow(sheet, book); r <= last; r++) {
            Row row = sheet.getRow(r);
            if (isBlank(row, book, sheet)) {
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
            checkVisible(book, sheet, row, "rule");
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

    private static boolean isFiltered(Sheet sheet) {
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

    /**
     * Workbooks made before the rules were generated by the product carry Drools' technical rows
     * above the header (A1 is "RuleSet"). They still load: the rows are checked against the
     * template, so nothing unexpected hides there, and then ignored.
     */
    private boolean isLegacyLayout(String book, Sheet sheet) {
        Row first = sheet.getRow(SheetTemplate.RULESET_ROW);
        return first != null && text(book, sheet, first.getCell(0)).equals("RuleSet");
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
    private void noteAbsentColumns(SheetTemplate template, SheetTemplate layout, Located located) {
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

    private boolean isBlank(Row row, String book, Sheet sheet) {
        if (row == null) {
            return true;
        }
        for (Cell cell : row) {
            if (!text(book, sheet, cell).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private void checkUniqueIds(Map<SheetTemplate, List<RuleRow>> rows) {
        Map<String, RuleRow> seen = new HashMap<>();
        for (SheetTemplate template : java.util.stream.Stream.concat(TableTemplate.RULE_SHEETS.stream(),
                java.util.stream.Stream.of(TableTemplate.POLICY)).toList()) {
            for (RuleRow row : rows.get(template)) {
                if (row.id().isEmpty()) {
                    continue;
                }
                RuleRow first = seen.putIfAbsent(row.id(), row);
                if (first != null) {
                    problems.add(new Problem(row.workbook(), template.sheetName(), "A" + row.excelRow(), "The rule ID "
                            + row.id() + " is also used in row " + first.excelRow() + ". Give this rule a new ID."));
                }
            }
        }
    }

    private static int lastRowWithContent(Sheet sheet) {
        int last = -1;
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() != CellType.BLANK && !(cell.getCellType() == CellType.STRING && cell.getStringCellValue().isBlank())) {
                    last = row.getRowNum();
                    break;
                }
            }
        }
        return last;
    }

    /** The last row holding anything: trailing empty rows (a spreadsheet program's formatting) are not part of the table. */
    private int lastUsedRow(Sheet sheet, String book) {
        int last = -1;
        for (Row row : sheet) {
            if (!isBlank(row, book, sheet)) {
                last = row.getRowNum();
            }
        }
        return last;
    }

    boolean hasProblemIn(Located located) {
        return problems.stream().anyMatch(p -> p.workbook().equals(located.workbook()) && p.sheet().equals(located.sheet().getSheetName()));
    }

    List<Row> dataRows(Located located) {
        List<Row> rows = new ArrayList<>();
        Sheet sheet = located.sheet();
        boolean filtered = isFiltered(sheet);
        for (int r = 1, last = lastUsedRow(sheet, located.workbook()); r <= last; r++) {
            Row row = sheet.getRow(r);
            if (!isBlank(row, located.workbook(), sheet)) {
                rows.add(row);
                if (row.getZeroHeight() && !filtered) {
                    problems.add(new Problem(located.workbook(), sheet.getSheetName(), "row " + (r + 1), "This row is hidden. Unhide it: "
                            + "every text must be visible to the people who review it."));
                }
                checkVisible(located.workbook(), sheet, row, "text");
            }
        }
        if (!rows.isEmpty()) {
            for (int c = 0; c < TEXT_COLUMNS; c++) {
                if (sheet.isColumnHidden(c) || Visibility.columnTooNarrow(sheet, c)) {
                    problems.add(new Problem(located.workbook(), sheet.getSheetName(), CellReference.convertNumToColString(c) + "1",
                            "This column is hidden or too narrow to read. Unhide or widen it: every text must be visible to the people who review it."));
                }
            }
        }
        return rows;
    }

    /** The columns a texts sheet (Action texts, Question texts, Summaries, Contacts) uses. */
    private static final int TEXT_COLUMNS = 3;

    /** A row too low to read, or a cell formatted to show nothing, is treated like a hidden one. */
    private void checkVisible(String book, Sheet sheet, Row row, String what) {
        if (Visibility.rowTooLow(row)) {
            problems.add(new Problem(book, sheet.getSheetName(), "row " + (row.getRowNum() + 1), "This " + what + "'s row is too low to read ("
                    + row.getHeightInPoints() + " pt). Make it taller: every " + what + " must be visible to the people who review it."));
        }
        for (Cell cell : row) {
            if (Visibility.showsNothing(cell) && !text(book, sheet, cell).isEmpty()) {
                problems.add(problem(book, sheet, cell, "This cell's format shows nothing (" + cell.getCellStyle().getDataFormatString()
                        + "), so its value is hidden. Set the format back to General: every " + what + " must be visible to the people who review it."));
            }
        }
    }

    String text(Located located, Row row, int column) {
        return text(located.workbook(), located.sheet(), row.getCell(column));
    }

    /** A cell's text, trimmed. A formula is refused: tables hold values, not calculations. */
    private String text(String book, Sheet sheet, Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            problems.add(problem(book, sheet, cell, "This cell holds a formula. Type the value itself: the tables may not calculate."));
            return "";
        }
        if (type == CellType.STRING) {
            return cell.getStringCellValue().strip();
        }
        return FORMATTER.formatCellValue(cell).strip();
    }

    private static Problem problem(String book, Sheet sheet, Cell cell, String message) {
        return new Problem(book, sheet.getSheetName(), new CellReference(cell.getRowIndex(), cell.getColumnIndex()).formatAsString(false), message);
    }

    static <E extends Enum<E>> Optional<E> enumNamed(Class<E> type, String name) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(name)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    static String names(Enum<?>[] values) {
        return String.join(", ", java.util.Arrays.stream(values).map(Enum::name).toList());
    }
}
