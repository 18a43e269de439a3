package org.safeguarding.rules.tables;

import org.safeguarding.rules.api.Workbook;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A copy of the shipped workbook with cells changed, as a lead would change them in Excel. */
public final class EditedWorkbook {
    public static final String NAME = "safeguarding-rules.drl.xlsx";
    private final XSSFWorkbook workbook;

    private EditedWorkbook(XSSFWorkbook workbook) {
        this.workbook = workbook;
    }

    public static byte[] shippedBytes() {
        return resource("org/safeguarding/tables/" + NAME);
    }

    private static byte[] resource(String path) {
        try (InputStream in = EditedWorkbook.class.getClassLoader().getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static EditedWorkbook ofShipped() {
        return of(shippedBytes());
    }

    /** The shipped workbook as it was before the product generated its own rules: Drools' technical rows in rows 1 to 7. */
    public static byte[] legacyBytes() {
        return resource("legacy/" + NAME);
    }

    public static EditedWorkbook ofLegacy() {
        return of(legacyBytes());
    }

    private static EditedWorkbook of(byte[] bytes) {
        try {
            return new EditedWorkbook(new XSSFWorkbook(new ByteArrayInputStream(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets a cell, e.g. {@code set("Pathway", "C17", "HANDLE_INTERNALLY")}; an empty value clears it. */
    public EditedWorkbook set(String sheetName, String a1, String value) {
        Sheet sheet = workbook.getSheet(sheetName);
        CellReference ref = new CellReference(a1);
        Row row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
        Cell cell = row.getCell(ref.getCol()) == null ? row.createCell(ref.getCol()) : row.getCell(ref.getCol());
        if (value.isEmpty()) {
            cell.setBlank();
        } else {
            cell.setCellValue(value);
        }
        return this;
    }

    /** The cell of a rule's column, found by its ID, e.g. {@code cellOf("Pathway", "P-09", ColumnKind.OUTCOME)}. */
    public String cellOf(String sheetName, String ruleId, int column) {
        Sheet sheet = workbook.getSheet(sheetName);
        for (Row row : sheet) {
            Cell id = row.getCell(0);
            if (id != null && ruleId.equals(id.toString())) {
                return new CellReference(row.getRowNum(), column).formatAsString(false);
            }
        }
        throw new IllegalArgumentException("no rule " + ruleId + " in " + sheetName);
    }

    /** Sets the column of one rule, e.g. its outcome. */
    public EditedWorkbook setRule(SheetTemplate sheet, String ruleId, int column, String value) {
        return set(sheet.sheetName(), cellOf(sheet.sheetName(), ruleId, column), value);
    }

    /** A number typed into a cell, as a spreadsheet stores 03001234567 typed without an apostrophe. */
    public EditedWorkbook setNumber(String sheetName, String a1, double value) {
        Sheet sheet = workbook.getSheet(sheetName);
        CellReference ref = new CellReference(a1);
        Row row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
        Cell cell = row.getCell(ref.getCol()) == null ? row.createCell(ref.getCol()) : row.getCell(ref.getCol());
        cell.setCellValue(value);
        return this;
    }

    public EditedWorkbook formula(String sheetName, String a1, String formula) {
        CellReference ref = new CellReference(a1);
        workbook.getSheet(sheetName).getRow(ref.getRow()).getCell(ref.getCol(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellFormula(formula);
        return this;
    }

    /** Clears every cell of a row (0-based index), leaving a blank row. */
    public EditedWorkbook clearRow(String sheetName, int rowIndex) {
        Row row = workbook.getSheet(sheetName).getRow(rowIndex);
        for (Cell cell : row) {
            cell.setBlank();
        }
        return this;
    }

    /** Hides a row, given as the number the spreadsheet shows. */
    public EditedWorkbook hideRow(String sheetName, int excelRow) {
        workbook.getSheet(sheetName).getRow(excelRow - 1).setZeroHeight(true);
        return this;
    }

    /** Filters a rule table on one column, as the header's filter button does, hiding the rows it leaves out. */
    public EditedWorkbook filter(String sheetName, String range, int column, String shown, int... hiddenExcelRows) {
        org.apache.poi.xssf.usermodel.XSSFSheet sheet = (org.apache.poi.xssf.usermodel.XSSFSheet) workbook.getSheet(sheetName);
        sheet.setAutoFilter(org.apache.poi.ss.util.CellRangeAddress.valueOf(range));
        // <filterColumn colId=".."><filters><filter val=".."/></filters></filterColumn>, written as XML: the slim
        // schema jar POI ships has no classes for these elements.
        org.w3c.dom.Node autoFilter = sheet.getCTWorksheet().getAutoFilter().getDomNode();
        String ns = autoFilter.getNamespaceURI();
        org.w3c.dom.Document document = autoFilter.getOwnerDocument();
        org.w3c.dom.Element filterColumn = document.createElementNS(ns, "filterColumn");
        filterColumn.setAttribute("colId", Integer.toString(column));
        org.w3c.dom.Element filters = document.createElementNS(ns, "filters");
        org.w3c.dom.Element filter = document.createElementNS(ns, "filter");
        filter.setAttribute("val", shown);
        filters.appendChild(filter);
        filterColumn.appendChild(filters);
        autoFilter.appendChild(filterColumn);
        for (int row : hiddenExcelRows) {
            sheet.getRow(row - 1).setZeroHeight(true);
        }
        return this;
    }

    /** Sets a row's height in points, given as the number the spreadsheet shows (not hidden, just low). */
    public EditedWorkbook rowHeight(String sheetName, int excelRow, float points) {
        Sheet sheet = workbook.getSheet(sheetName);
        Row row = sheet.getRow(excelRow - 1) == null ? sheet.createRow(excelRow - 1) : sheet.getRow(excelRow - 1);
        row.setHeightInPoints(points);
        return this;
    }

    /** Sets a column's width in 1/256ths of a character. */
    public EditedWorkbook columnWidth(String sheetName, int column, int width) {
        workbook.getSheet(sheetName).setColumnWidth(column, width);
        return this;
    }

    /** Gives a cell a number format of its own, e.g. {@code ";;;"}, which shows nothing. */
    public EditedWorkbook format(String sheetName, String a1, String format) {
        CellReference ref = new CellReference(a1);
        Cell cell = workbook.getSheet(sheetName).getRow(ref.getRow()).getCell(ref.getCol(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
        org.apache.poi.ss.usermodel.CellStyle style = workbook.createCellStyle();
        style.cloneStyleFrom(cell.getCellStyle());
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        cell.setCellStyle(style);
        return this;
    }

    public EditedWorkbook hideColumn(String sheetName, int column) {
        workbook.getSheet(sheetName).setColumnHidden(column, true);
        return this;
    }

    public EditedWorkbook addSheet(String name, boolean hidden) {
        workbook.createSheet(name).createRow(0).createCell(0).setCellValue("my notes");
        if (hidden) {
            workbook.setSheetHidden(workbook.getSheetIndex(name), true);
        }
        return this;
    }

    public EditedWorkbook hideSheet(String name) {
        workbook.setSheetHidden(workbook.getSheetIndex(name), true);
        return this;
    }

    public EditedWorkbook removeSheet(String name) {
        workbook.removeSheetAt(workbook.getSheetIndex(name));
        return this;
    }

    public EditedWorkbook unmergeObjectType(String sheetName) {
        Sheet sheet = workbook.getSheet(sheetName);
        for (int i = sheet.getNumMergedRegions() - 1; i >= 0; i--) {
            if (sheet.getMergedRegion(i).getFirstRow() == SheetTemplate.OBJECT_TYPE_ROW) {
                sheet.removeMergedRegion(i);
            }
        }
        return this;
    }

    public EditedWorkbook merge(String sheetName, String range) {
        workbook.getSheet(sheetName).addMergedRegion(org.apache.poi.ss.util.CellRangeAddress.valueOf(range));
        return this;
    }

    public EditedWorkbook protect(String sheetName) {
        workbook.getSheet(sheetName).protectSheet("secret");
        return this;
    }

    public byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Workbook toWorkbook() {
        return new Workbook(NAME, bytes());
    }
}
