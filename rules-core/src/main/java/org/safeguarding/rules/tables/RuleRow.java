package org.safeguarding.rules.tables;

import java.util.Map;

/**
 * One data row of a rule sheet, as a lead wrote it.
 *
 * @param workbook   the file it came from
 * @param sheet      the rule sheet's template
 * @param excelRow   1-based row number as the spreadsheet shows it
 * @param id         the rule ID, e.g. {@code P-03}
 * @param conditions the filled-in condition cells, keyed by what they read (a fact's field
 *                   name, {@code pathway} or {@code provisional}); blank cells are absent
 * @param outcome    the pathway, action code or question code the row produces
 */
public record RuleRow(String workbook, SheetTemplate sheet, int excelRow, String id, String description,
                      Map<String, String> conditions, String outcome, String guidance) {

    public RuleRow {
        conditions = Map.copyOf(conditions);
    }

    /** Whether the row matches on some fact being not yet known. */
    public boolean readsUnknown() {
        return conditions.containsValue("UNKNOWN");
    }
}
