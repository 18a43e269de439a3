package org.safeguarding.rules.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import org.safeguarding.rules.engine.RuleSetBuilder;
import org.safeguarding.rules.tables.Workbook;

/** {@code bin/rules validate DIR|FILE [--json]}: every problem with its workbook, sheet and cell. */
final class ValidateCommand implements Main.Command {

    @Override
    public String summary() {
        return "check workbooks against the template and compile them; every problem by cell (DIR|FILE)";
    }

    @Override
    public int run(List<String> argv, InputStream in, PrintStream out, PrintStream err) {
        CliSupport.Args args = CliSupport.Args.parse(argv);
        Optional<List<Workbook>> loaded = CliSupport.singleTablesArgument(args, "validate", "bin/rules validate DIR|FILE [--json]", err);
        if (loaded.isEmpty()) {
            return Main.BAD_INPUT;
        }
        List<Workbook> workbooks = loaded.get();
        RuleSetBuilder.Result result = RuleSetBuilder.build(workbooks);
        CliSupport.printProblems(result.problems(), args, out, "validate", result.problems().size() + " problem(s):");
        if (!args.json() && result.problems().isEmpty()) {
            out.println("OK: " + workbooks.size() + " workbook(s) follow the template and compile.");
        }
        return result.problems().isEmpty() ? Main.OK : Main.FOUND_PROBLEMS;
    }
}
