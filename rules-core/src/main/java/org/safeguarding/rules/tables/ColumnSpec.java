package org.safeguarding.rules.tables;

import java.util.List;

/**
 * One column of a rule sheet as the product's template defines it.
 *
 * @param kind    what the column holds
 * @param label   the visible header a lead reads
 * @param code    the product's rule snippet for the column, {@code $param} standing for a closed-list value;
 *                also what an old workbook's hidden code row must hold (empty for ID and description)
 * @param input   for conditions, what the column reads: a fact's field name, {@code pathway}
 *                or {@code provisional}; empty otherwise
 * @param negated for conditions, whether a value means "is not" rather than "is"
 * @param allowed the values a data cell may hold (blank is always allowed in a condition,
 *                meaning "any"); empty for free text
 */
public record ColumnSpec(ColumnKind kind, String label, String code, String input, boolean negated,
                         List<String> allowed) {

    public ColumnSpec {
        allowed = List.copyOf(allowed);
    }

    static ColumnSpec id() {
        return new ColumnSpec(ColumnKind.ID, "Rule ID", "", "", false, List.of());
    }

    static ColumnSpec description() {
        return new ColumnSpec(ColumnKind.DESCRIPTION, "What the rule says", "", "", false, List.of());
    }

    static ColumnSpec guidance() {
        return new ColumnSpec(ColumnKind.GUIDANCE, "Guidance (source, section)", "guidance(\"$param\")", "",
                false, List.of());
    }
}
