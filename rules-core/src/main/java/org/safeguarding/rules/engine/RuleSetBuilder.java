package org.safeguarding.rules.engine;

import java.util.List;
import java.util.Optional;

import org.safeguarding.rules.api.Problem;
import org.safeguarding.rules.tables.RuleTables;
import org.safeguarding.rules.api.Workbook;
import org.safeguarding.rules.tables.WorkbookReader;

/**
 * Workbooks to a decider: read and check against the template, then compile. Safety analysis
 * is a separate step (analysis package), run by whoever decides what an unsafe rule set means.
 */
public final class RuleSetBuilder {
    private RuleSetBuilder() {
    }

    /** A decider, or every problem that stopped one being built. */
    public record Result(Optional<Decider> decider, List<Problem> problems) {
    }

    public static Result build(List<Workbook> workbooks) {
        java.util.Optional<String> missing = BuildDependencies.missing("Building a rule set from workbooks");
        if (missing.isPresent()) {
            return new Result(Optional.empty(), List.of(new Problem("", "", "", missing.get())));
        }
        WorkbookReader.Result read = WorkbookReader.read(workbooks);
        if (read.tables().isEmpty()) {
            return new Result(Optional.empty(), read.problems());
        }
        RuleTables tables = read.tables().get();
        RuleSetCompiler.Result compiled = RuleSetCompiler.compile(tables);
        if (!compiled.problems().isEmpty()) {
            return new Result(Optional.empty(), compiled.problems());
        }
        return new Result(Optional.of(new Decider(tables, new DroolsFiring(compiled.base()))), List.of());
    }
}
