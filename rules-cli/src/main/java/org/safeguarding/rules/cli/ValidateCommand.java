package org.safeguarding.rules.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import org.safeguarding.rules.api.Problem;
import org.safeguarding.rules.RuleSet;
import org.safeguarding.rules.api.Workbook;

/**
 * {@code bin/rules validate DIR|FILE [--json] [--strict]}: every problem with its workbook, sheet and
 * cell, then local settings still to be made (a contact still holding its placeholder) as
 * warnings; {@code --strict} makes those warnings problems too.
 */
final class ValidateCommand implements Main.Command {

    @Override
    public String summary() {
        return "check workbooks against the template and compile them; every problem by cell (DIR|FILE)";
    }

    @Override
    public int run(List<String> argv, InputStream in, PrintStream out, PrintStream err) {
        CliSupport.Args args = CliSupport.Args.parse(argv);
        Optional<List<Workbook>> loaded = CliSupport.singleTablesArgument(args, "validate", "bin/rules validate DIR|FILE [--json] [--strict]", err);
        if (loaded.isEmpty()) {
            return Main.BAD_INPUT;
        }
        List<Workbook> workbooks = loaded.get();
        RuleSet.Build result = RuleSet.build(workbooks);
        List<Problem> warnings = result.ruleSet().map(r -> r.info(java.time.Instant.now()).setupWarnings()).orElse(List.of());
        List<Problem> problems = new java.util.ArrayList<>(result.problems());
        if (args.strict()) {
            problems.addAll(warnings);
        }
        if (args.json()) {
            var json = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("command", "validate").put("ok", problems.isEmpty());
            json.set("problems", org.safeguarding.rules.json.tree.ReviewJson.problems(problems));
            json.set("warnings", org.safeguarding.rules.json.tree.ReviewJson.problems(args.strict() ? List.of() : warnings));
            out.println(json.toPrettyString());
            return problems.isEmpty() ? Main.OK : Main.FOUND_PROBLEMS;
        }
        CliSupport.printProblems(problems, args, out, "validate", problems.size() + " problem(s):");
        if (problems.isEmpty()) {
            out.println("OK: " + workbooks.size() + " workbook(s) follow the template and compile.");
            if (!warnings.isEmpty()) {
                out.println(warnings.size() + " local setting(s) still to make (bin/rules validate --strict refuses them):");
                warnings.forEach(w -> out.println("  - " + w));
            }
        }
        return problems.isEmpty() ? Main.OK : Main.FOUND_PROBLEMS;
    }
}
