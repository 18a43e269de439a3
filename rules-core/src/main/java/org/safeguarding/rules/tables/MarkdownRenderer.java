package org.safeguarding.rules.tables;

import java.util.List;
import java.util.Map;

import org.safeguarding.rules.api.ActionCode;

/** The tables as Markdown a reviewer can read: every rule with its ID, conditions, outcome and citation. */
public final class MarkdownRenderer {
    private MarkdownRenderer() {
    }

    public static String render(RuleTables tables) {
        StringBuilder md = new StringBuilder();
        md.append("# Decision rules\n\n")
                .append("Generated from the decision tables (rule set ").append(tables.sha256(), 0, 12)
                .append("). Do not edit: change the workbook, then regenerate (see docs/editing-tables.md).\n\n")
                .append("A row applies when every condition it lists matches; a condition not listed matches any value. ")
                .append("In the Pathway table the most severe pathway among the rows that apply wins.\n");
        for (SheetTemplate sheet : TableTemplate.RULE_SHEETS) {
            table(md, sheet, tables);
        }
        if (tables.policyRows().isEmpty()) {
            md.append("\n## Policy\n\nNo rules: the setting has added no stricter rules of its own (see docs/editing-tables.md, ")
                    .append("\"Your setting's own policy\").\n");
        } else {
            table(md, TableTemplate.POLICY, tables);
            md.append("\nThe setting's own stricter rules, applied after the tables: ESCALATE raises the pathway; an action is added.\n");
        }
        appendTexts(md, tables);
        return md.toString();
    }

    private static void table(StringBuilder md, SheetTemplate sheet, RuleTables tables) {
        {
            md.append("\n## ").append(sheet.sheetName()).append("\n\n")
                    .append("| ID | Meaning | When | ").append(sheet.outcome().label()).append(" | Guidance |\n")
                    .append("|---|---|---|---|---|\n");
            for (RuleRow row : tables.rows(sheet)) {
                md.append("| ").append(row.id()).append(" | ").append(escape(row.description())).append(" | ")
                        .append(conditions(sheet, row)).append(" | ").append(row.outcome()).append(" | ")
                        .append(escape(row.guidance())).append(" |\n");
            }
        }
    }

    private static void appendTexts(StringBuilder md, RuleTables tables) {
        md.append("\n## Action texts\n\n| Action | Text |\n|---|---|\n");
        for (Map.Entry<ActionCode, String> text : tables.actionTexts().entrySet()) {
            md.append("| ").append(text.getKey()).append(" | ").append(escape(text.getValue())).append(" |\n");
            tables.pathwayActionTexts().forEach((pathway, texts) -> {
                if (texts.containsKey(text.getKey())) {
                    md.append("| ").append(text.getKey()).append(" (").append(pathway).append(") | ")
                            .append(escape(texts.get(text.getKey()))).append(" |\n");
                }
            });
            tables.provisionalActionTexts().forEach((pathway, texts) -> {
                if (texts.containsKey(text.getKey())) {
                    md.append("| ").append(text.getKey()).append(" (").append(pathway).append(", provisional) | ")
                            .append(escape(texts.get(text.getKey()))).append(" |\n");
                }
            });
        }
        md.append("\n## Question texts\n\n| Fact | Question | Why |\n|---|---|---|\n");
        tables.questionTexts().forEach((fact, q) -> md.append("| ").append(fact.fieldName()).append(" | ")
                .append(escape(q.text())).append(" | ").append(escape(q.why())).append(" |\n"));
    }

    private static String conditions(SheetTemplate sheet, RuleRow row) {
        if (row.conditions().isEmpty()) {
            return "always";
        }
        List<String> parts = sheet.columns().stream().filter(c -> c.kind() == ColumnKind.CONDITION)
                .filter(c -> row.conditions().containsKey(c.input()))
                .map(c -> c.input() + (c.negated() ? " ≠ " : " = ") + row.conditions().get(c.input())).toList();
        return String.join(", ", parts);
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
