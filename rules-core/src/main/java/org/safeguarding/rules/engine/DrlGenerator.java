package org.safeguarding.rules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.safeguarding.rules.tables.ColumnKind;
import org.safeguarding.rules.tables.ColumnSpec;
import org.safeguarding.rules.tables.RuleRow;
import org.safeguarding.rules.tables.SheetTemplate;
import org.safeguarding.rules.tables.TableTemplate;

/**
 * Writes a rule sheet's rows as DRL from the product's own template. A workbook is data: the
 * only things taken from it are closed-list values (a drop-down value is replaced by the
 * template's own copy of it) and rule IDs matching their sheet's pattern. Descriptions,
 * citations, texts and contacts never reach the generated rules; they stay beside them, keyed
 * by rule ID. Anything else in a row that would reach the rules stops generation, so a row that
 * somehow escaped the reader's checks cannot become code.
 */
final class DrlGenerator {
    static final String PACKAGE = TableTemplate.RULESET_PACKAGE;
    /** Marks where each row's rule starts, so a compile error can be traced back to the row. */
    static final String ROW_MARK = "// row ";

    private DrlGenerator() {
    }

    static String generate(SheetTemplate sheet, List<RuleRow> rows) {
        StringBuilder drl = new StringBuilder(256 + rows.size() * 256);
        drl.append("package ").append(PACKAGE).append(";\n\n");
        TableTemplate.IMPORTED_TYPES.forEach(type -> drl.append("import ").append(type).append(";\n"));
        drl.append("\nglobal ").append(Findings.class.getName()).append(" out;\n");
        String factType = sheet == TableTemplate.PATHWAY ? PathwayFacts.class.getSimpleName() : ActionFacts.class.getSimpleName();
        Pattern id = Pattern.compile(Pattern.quote(sheet.idPrefix()) + "-[0-9]{2,3}");
        for (RuleRow row : rows) {
            if (row.sheet() != sheet || !id.matcher(row.id()).matches()) {
                throw new IllegalArgumentException(sheet.sheetName() + " row " + row.excelRow() + ": not a rule ID of this sheet");
            }
            List<String> constraints = new ArrayList<>();
            String consequence = null;
            for (ColumnSpec column : sheet.columns()) {
                if (column.kind() == ColumnKind.CONDITION) {
                    String value = row.conditions().get(column.input());
                    if (value != null) {
                        constraints.add(column.code().replace("$param", closedValue(sheet, row, column, value)));
                    }
                } else if (column.kind() == ColumnKind.OUTCOME) {
                    consequence = column.code().replace("$param", closedValue(sheet, row, column, row.outcome()));
                }
            }
            drl.append('\n').append(ROW_MARK).append(row.excelRow()).append('\n')
                    .append("rule \"").append(row.id()).append("\"\nwhen\n    ")
                    .append(factType).append('(').append(String.join(", ", constraints)).append(")\nthen\n    ")
                    .append(consequence).append("\nend\n");
        }
        return drl.toString();
    }

    /** The template's own copy of a drop-down value; never the cell's text. */
    private static String closedValue(SheetTemplate sheet, RuleRow row, ColumnSpec column, String value) {
        int index = column.allowed().indexOf(value);
        if (index < 0) {
            throw new IllegalArgumentException(sheet.sheetName() + " row " + row.excelRow() + ": a value outside '"
                    + column.label() + "'");
        }
        return column.allowed().get(index);
    }
}
