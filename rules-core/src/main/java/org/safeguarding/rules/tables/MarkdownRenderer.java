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
        md.append(PROPERTIES);
        return md.toString();
    }

    /** The product's safety properties (decision model section 6): every rule set is proven against them, whatever it says. */
    private static final String PROPERTIES = """

            ## Safety properties

            Proven over every combination of facts before these tables decide anything (`bin/rules analyse`); a workbook that
            breaks one is refused, naming the cell to change. They are the product's, not the workbook's.

            1. Complete: every combination gets exactly one pathway.
            2. Monotone: learning something worse never lowers the pathway.
            3. EMERGENCY if and only if a child is in immediate danger; CALL_999 if and only if EMERGENCY.
            4. HANDLE_WITHIN_ORGANISATION and REQUEST_DELETION only when handled internally.
            5. INVOLVE_PARENTS never when the parents are a risk.
            6. DO_NOT_VIEW_IMAGERY and RECORD_INCIDENT in every decision.
            7. Provisional exactly when an answer still to come could change the pathway; every unknown fact gets its question.
            8. Never laxer than the guidance: handled internally only when every trigger is ruled out. The Policy sheet only adds:
               it never takes away an action or question the tables give for the same facts.
            9. Never without advice: immediate danger always reaches CALL_999, even in a refusal.
            10. Reasons agree with the decision: no reason argues for a laxer pathway.
            11. Allegations against staff or volunteers: REFER_LADO and INFORM_HEADTEACHER.
            12. Words agree with the decision: the summary, every action text and every question shown with a decision name 999,
                the police, children's social care, the LADO or CEOP only when the decision's actions include that service, or in
                a sentence that says when it applies ("if", "unless", "where", "whether"); never tell staff to tell the parents
                while they may be a risk or while the LADO or the police must first agree what they hear; never tell staff to
                view, copy, save, send or delete the imagery.
            13. What is proven is what is served: the analysis checks the very steps a decision runs (the Pathway table as
                served, the actions and questions as served, the policy), no public path gives an engine for tables that fail
                a property, and a saved proof is trusted only by the build of the product that made it.
            14. A threat to share (sexual extortion): SEXTORTION_ADVICE, REPORT_TO_POLICE and REPORT_TO_CEOP.
            15. A child known to children's social care: INFORM_SOCIAL_WORKER (child in need, child protection plan, looked
                after), and INFORM_VIRTUAL_SCHOOL_HEAD for a looked-after child.
            """;

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
