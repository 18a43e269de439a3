package org.safeguarding.rules.tables;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The fixed shape of one rule sheet: notes for people above the header (row 8), the header,
 * then one rule per row. Workbooks made before the product generated its own rules carry
 * Drools' technical rows in rows 1 to 7 instead of notes; they are checked against this
 * template and then ignored, never compiled.
 *
 * @param sheetName  the sheet's name, also the table name in reasons
 * @param idPrefix   rule IDs look like {@code P-01}
 * @param objectType what an old workbook's hidden object-type cell must hold, e.g. {@code f: PathwayFacts}
 * @param columns    from column A onwards
 */
public record SheetTemplate(String sheetName, String idPrefix, String objectType, List<ColumnSpec> columns) {

    /** Zero-based row indexes; the rows before the header are notes (or an old workbook's technical rows). */
    public static final int RULESET_ROW = 0;
    public static final int IMPORT_ROW = 1;
    public static final int VARIABLES_ROW = 2;
    public static final int RULETABLE_ROW = 3;
    public static final int KEYWORD_ROW = 4;
    public static final int OBJECT_TYPE_ROW = 5;
    public static final int CODE_ROW = 6;
    public static final int HEADER_ROW = 7;
    public static final int FIRST_DATA_ROW = 8;

    public SheetTemplate {
        columns = List.copyOf(columns);
    }

    public String ruleTableCell() {
        return "RuleTable " + sheetName;
    }

    public int column(ColumnKind kind) {
        return IntStream.range(0, columns.size()).filter(i -> columns.get(i).kind() == kind).findFirst().orElseThrow();
    }

    public ColumnSpec outcome() {
        return columns.get(column(ColumnKind.OUTCOME));
    }

    public int firstConditionColumn() {
        return column(ColumnKind.CONDITION);
    }

    public int lastConditionColumn() {
        return IntStream.range(0, columns.size()).filter(i -> columns.get(i).kind() == ColumnKind.CONDITION)
                .max().orElseThrow();
    }

    /**
     * This sheet as it was laid out before the condition columns reading {@code inputs} were
     * added: a workbook of that layout reads those facts as "any value".
     */
    public SheetTemplate without(java.util.Collection<String> inputs) {
        return new SheetTemplate(sheetName, idPrefix, objectType,
                columns.stream().filter(c -> c.kind() != ColumnKind.CONDITION || !inputs.contains(c.input())).toList());
    }

    /** This sheet as it was laid out before the outcome moved next to the description: last, before the guidance. */
    public SheetTemplate withOutcomeLast() {
        List<ColumnSpec> moved = new java.util.ArrayList<>(columns);
        ColumnSpec outcome = outcome();
        moved.remove(outcome);
        moved.add(moved.size() - 1, outcome);
        return new SheetTemplate(sheetName, idPrefix, objectType, moved);
    }

    /** The inputs the condition columns read, in column order. */
    public List<String> conditionInputs() {
        return columns.stream().filter(c -> c.kind() == ColumnKind.CONDITION).map(ColumnSpec::input).toList();
    }
}
