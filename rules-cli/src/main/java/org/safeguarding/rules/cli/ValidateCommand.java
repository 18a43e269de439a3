package org.safeguarding.rules.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

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
        if (args.positional().size() != 1 || !args.unknown().isEmpty()) {
            err.println("usage: bin/rules validate DIR|FILE [--json]");
            return Main.BAD_INPUT;
        }
        List<Workbook> workbooks;
        try {
            workbooks = CliSupport.load(args.positional().get(0));
        } catch (CliSupport.UsageException e) {
            err.println("rules validate: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        RuleSetBuilder.Result result = RuleSetBuilder.build(workbooks);
        CliSupport.printProblems(result.problems(), args, out, "validate", result.problems().size() + " problem(s):");
        if (!args.json() && result.problems().isEmpty()) {
            out.println("OK: " + workbooks.size() + " workbook(s) follow the template and compile.");
        }
        return result.problems().isEmpty() ? Main.OK : Main.FOUND_PROBLEMS;
    }
}
