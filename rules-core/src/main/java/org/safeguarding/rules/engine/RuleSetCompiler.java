package org.safeguarding.rules.engine;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.decisiontable.SpreadsheetCompiler;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.safeguarding.rules.api.Problem;
import org.safeguarding.rules.tables.RuleTables;
import org.safeguarding.rules.tables.SheetTemplate;
import org.safeguarding.rules.tables.TableTemplate;
import org.safeguarding.rules.tables.Workbook;

/**
 * Compiles checked workbooks into one knowledge base. Drools' messages are turned into
 * problems that name the sheet and row, never a stack trace or generated code.
 */
public final class RuleSetCompiler {
    private static final Pattern RULE_VALUES = Pattern.compile("rule values at ([A-Z]+)([0-9]+)");
    private static final Pattern PARSE_CELL = Pattern.compile("\\b([A-Z]{1,3}[0-9]{1,7})\\b");

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
        KieBase base = build(tables, TableTemplate.RULE_SHEETS);
        return problems.isEmpty() ? new Result(base, List.of()) : new Result(null, List.copyOf(problems));
    }

    private KieBase build(RuleTables tables, List<SheetTemplate> sheets) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        boolean parsed = true;
        for (SheetTemplate sheet : sheets) {
            String workbook = tables.rows(sheet).get(0).workbook();
            String drl;
            try {
                drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(bytesOf(tables, workbook)), sheet.sheetName());
            } catch (RuntimeException e) {
                problems.add(parseProblem(workbook, sheet, e));
                parsed = false;
                continue;
            }
            builder.add(ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8)), ResourceType.DRL);
            if (builder.hasErrors()) {
                for (KnowledgeBuilderError error : builder.getErrors()) {
                    problems.add(compileProblem(workbook, sheet, drl, error));
                }
                return null;
            }
        }
        return parsed ? builder.newKieBase() : null;
    }

    private static byte[] bytesOf(RuleTables tables, String workbook) {
        return tables.workbooks().stream().filter(w -> w.name().equals(workbook)).findFirst().orElseThrow().bytes();
    }

    private static Problem parseProblem(String workbook, SheetTemplate sheet, RuntimeException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher cell = PARSE_CELL.matcher(message);
        return new Problem(workbook, sheet.sheetName(), cell.find() ? cell.group(1) : "",
                "The rule engine could not read this table's layout. Compare the sheet with the shipped workbook "
                        + "(hidden rows included) and undo layout changes.");
    }

    /** Maps a DRL line back to the spreadsheet row via the generator's "rule values at B11" comment. */
    private static Problem compileProblem(String workbook, SheetTemplate sheet, String drl, KnowledgeBuilderError error) {
        String[] lines = drl.split("\n", -1);
        int[] errorLines = error.getLines();
        int line = errorLines.length > 0 ? Math.min(errorLines[0], lines.length) : 0;
        String row = "";
        for (int i = line - 1; i >= 0 && row.isEmpty(); i--) {
            Matcher values = RULE_VALUES.matcher(lines[i]);
            if (values.find()) {
                row = "row " + values.group(2);
            }
        }
        return new Problem(workbook, sheet.sheetName(), row, "This rule does not compile. Check that every cell in the row "
                + "holds a value from its drop-down, and that the hidden rows match the shipped workbook.");
    }
}
