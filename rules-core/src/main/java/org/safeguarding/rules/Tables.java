package org.safeguarding.rules;

import org.safeguarding.rules.api.Pathway;
import org.safeguarding.rules.api.Problem;
import org.safeguarding.rules.api.Workbook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.safeguarding.rules.tables.MarkdownRenderer;
import org.safeguarding.rules.tables.RuleTables;
import org.safeguarding.rules.tables.SheetTemplate;
import org.safeguarding.rules.tables.TableTemplate;
import org.safeguarding.rules.tables.WorkbookReader;

/**
 * The rule tables as read from workbooks, for people to review: every rule row of the Pathway,
 * Actions and Questions sheets, and the same as Markdown (docs/rules.md is made from it).
 * Reading checks the template but compiles nothing.
 *
 * @param sha256   the rule set version the workbooks make
 * @param rows     each rule sheet's rows, keyed by sheet name, in the order the lead sees them
 * @param markdown every table with its conditions, outcomes and citations, for review
 */
public record Tables(String sha256, Map<String, List<Row>> rows, String markdown) {
    public Tables {
        rows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    }

    /**
     * One rule row.
     *
     * @param conditions the filled-in condition cells, keyed by what they read (a fact's field
     *                   name, {@code pathway} or {@code provisional})
     * @param outcome    the pathway, action code or question code the row produces
     */
    public record Row(String id, int excelRow, String description, String outcome, String guidance, Map<String, String> conditions) {
        public Row {
            conditions = Map.copyOf(conditions);
        }
    }

    /**
     * @param tables the tables, empty when a workbook breaks the template
     * @param problems every problem, each naming its workbook, sheet and cell
     */
    public record Read(Optional<Tables> tables, List<Problem> problems) {
        public Read {
            problems = List.copyOf(problems);
        }
    }

    /** Reads and checks rule workbooks without compiling them. */
    public static Read read(List<Workbook> workbooks) {
        java.util.Optional<String> missing = org.safeguarding.rules.engine.BuildDependencies.missing("Reading workbooks");
        if (missing.isPresent()) {
            return new Read(java.util.Optional.empty(), List.of(new Problem("", "", "", missing.get())));
        }
        WorkbookReader.Result read = WorkbookReader.read(workbooks);
        return new Read(read.tables().map(Tables::of), read.problems());
    }

    private static Tables of(RuleTables tables) {
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        for (SheetTemplate sheet : java.util.stream.Stream.concat(TableTemplate.RULE_SHEETS.stream(),
                java.util.stream.Stream.of(TableTemplate.POLICY)).toList()) {
            rows.put(sheet.sheetName(), tables.rows(sheet).stream()
                    .map(r -> new Row(r.id(), r.excelRow(), r.description(), r.outcome(), r.guidance(), r.conditions())).toList());
        }
        return new Tables(tables.sha256(), rows, MarkdownRenderer.render(tables));
    }
}
