package org.safeguarding.rules.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.safeguarding.rules.api.Problem;
import org.safeguarding.rules.tables.RuleRow;
import org.safeguarding.rules.tables.RuleTables;
import org.safeguarding.rules.tables.SheetTemplate;
import org.safeguarding.rules.tables.TableTemplate;

/**
 * Compiles checked tables into one knowledge base. The rules are written by {@link DrlGenerator}
 * from the rows' closed-list values, never from a workbook's own technical rows, and Drools'
 * messages are turned into problems that name the sheet and row, never generated code.
 */
public final class RuleSetCompiler {
    private final List<Problem> problems = new ArrayList<>();

    private RuleSetCompiler() {
    }

    /** The compiled knowledge base, or the problems that stopped it compiling. */
    public record Result(KieBase base, List<Problem> problems) {
    }

    public static Result compile(RuleTables tables) {
        return new RuleSetCompiler().compileAll(tables);
    }

    private Result compileAll(RuleTables tables) {
        KieBase base = build(tables);
        return problems.isEmpty() ? new Result(base, List.of()) : new Result(null, List.copyOf(problems));
    }

    private KieBase build(RuleTables tables) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (SheetTemplate sheet : TableTemplate.RULE_SHEETS) {
            List<RuleRow> rows = tables.rows(sheet);
            String drl = DrlGenerator.generate(sheet, rows);
            builder.add(ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8)), ResourceType.DRL);
            if (builder.hasErrors()) {
                for (KnowledgeBuilderError error : builder.getErrors()) {
                    problems.add(compileProblem(rows.get(0).workbook(), sheet, drl, error));
                }
                return null;
            }
        }
        return builder.newKieBase();
    }

    /** Maps a DRL line back to the spreadsheet row through the generator's row marks. */
    private static Problem compileProblem(String workbook, SheetTemplate sheet, String drl, KnowledgeBuilderError error) {
        String[] lines = drl.split("\n", -1);
        int[] errorLines = error.getLines();
        int line = errorLines.length > 0 ? Math.min(errorLines[0], lines.length) : 0;
        String row = "";
        for (int i = line - 1; i >= 0 && row.isEmpty(); i--) {
            if (lines[i].startsWith(DrlGenerator.ROW_MARK)) {
                row = "row " + lines[i].substring(DrlGenerator.ROW_MARK.length());
            }
        }
        return new Problem(workbook, sheet.sheetName(), row, "This rule does not compile. Check that every cell in the row "
                + "holds a value from its drop-down.");
    }
}
