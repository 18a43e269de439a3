package org.safeguarding.rules.tables;

import org.safeguarding.rules.files.PackageCheck;

import org.safeguarding.rules.api.Workbook;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.safeguarding.rules.api.Problem;

/**
 * Reads a rule set's workbooks and checks them against the {@link TableTemplate}: every
 * problem is reported with its workbook, sheet and cell, and nothing is compiled until there
 * are none.
 */
public final class WorkbookReader {

    private final List<Problem> setupWarnings = new ArrayList<>();
    private final Map<String, java.util.Set<String>> absentColumns = new HashMap<>();
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
                return new Result(Optional.empty(), List.copyOf(problems));
            }
            Map<String, String> contacts = texts.contacts(sheets.get(TableTemplate.CONTACTS_SHEET));
            Map<SheetTemplate, List<RuleRow>> rows = new HashMap<>();
            for (SheetTemplate template : TableTemplate.RULE_SHEETS) {
                rows.put(template, new RuleSheet(template, sheets.get(template.sheetName()), problems, setupWarnings, absentColumns).rows());
            }
            Located policy = sheets.get(TableTemplate.POLICY.sheetName());
            rows.put(TableTemplate.POLICY, policy == null ? List.of() : new RuleSheet(TableTemplate.POLICY, policy, problems, setupWarnings, absentColumns).rows());
            checkUniqueIds(rows);
            RuleTables tables = new RuleTables(List.copyOf(workbooks), rows.get(TableTemplate.PATHWAY),
                    rows.get(TableTemplate.ACTIONS), rows.get(TableTemplate.QUESTIONS), rows.get(TableTemplate.POLICY),
                    texts.actionTexts(sheets.get(TableTemplate.ACTION_TEXTS_SHEET), contacts, TextSheets.given(rows.get(TableTemplate.ACTIONS))),
                    texts.pathwayActionTexts(), texts.provisionalActionTexts(),
                    texts.questionTexts(sheets.get(TableTemplate.QUESTION_TEXTS_SHEET), TextSheets.asked(rows.get(TableTemplate.QUESTIONS))),
                    texts.summaries(sheets.get(TableTemplate.SUMMARIES_SHEET)), contacts, texts.contactTemplates(), Workbook.sha256Of(workbooks),
                    setupWarnings, texts.textCells(), absentColumns);
            return problems.isEmpty() ? new Result(Optional.of(tables), List.of()) : new Result(Optional.empty(), List.copyOf(problems));
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

    boolean hasProblemIn(Located located) {
        return problems.stream().anyMatch(p -> p.workbook().equals(located.workbook()) && p.sheet().equals(located.sheet().getSheetName()));
    }

    List<Row> dataRows(Located located) {
        List<Row> rows = new ArrayList<>();
        Sheet sheet = located.sheet();
        boolean filtered = SheetCells.isFiltered(sheet);
        for (int r = 1, last = SheetCells.lastUsedRow(sheet); r <= last; r++) {
            Row row = sheet.getRow(r);
            if (!SheetCells.isBlank(row)) {
                rows.add(row);
                if (row.getZeroHeight() && !filtered) {
                    problems.add(new Problem(located.workbook(), sheet.getSheetName(), "row " + (r + 1), "This row is hidden. Unhide it: "
                            + "every text must be visible to the people who review it."));
                }
                Visibility.checkRow(new SheetCells(located.workbook()), sheet, row, "text", problems);
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

    /** A texts sheet's cell, for its value: the problem that stops it being read is kept. */
    String text(Located located, Row row, int column) {
        SheetCells.CellText read = new SheetCells(located.workbook()).read(located.sheet(), row.getCell(column));
        read.problem().ifPresent(problems::add);
        return read.text();
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
