package org.safeguarding.rules.cli;

import org.safeguarding.rules.Scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.safeguarding.rules.api.ScenarioResult;
import org.safeguarding.rules.RuleSet;
import org.safeguarding.rules.api.Scenario;
import org.safeguarding.rules.api.Workbook;
import org.safeguarding.rules.api.Problem;

/**
 * {@code bin/rules test DIR [SCENARIOS.xlsx] [--json]}: runs a scenario workbook (default
 * DIR/scenarios.xlsx) against the tables and says, row by row, what passed and what differed.
 */
final class TestCommand implements Main.Command {

    @Override
    public String summary() {
        return "run a scenario workbook against the tables, pass/fail per row (DIR [SCENARIOS.xlsx])";
    }

    @Override
    public int run(List<String> argv, InputStream in, PrintStream out, PrintStream err) {
        CliSupport.Args args = CliSupport.Args.parse(argv);
        if (args.positional().isEmpty() || args.positional().size() > 2 || !args.unknown().isEmpty()) {
            err.println("usage: bin/rules test DIR [SCENARIOS.xlsx] [--json]");
            return Main.BAD_INPUT;
        }
        Path tables = Path.of(args.positional().get(0));
        Path scenarios = args.positional().size() == 2 ? Path.of(args.positional().get(1))
                : (Files.isDirectory(tables) ? tables : tables.toAbsolutePath().getParent()).resolve("scenarios.xlsx");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(scenarios);
        } catch (IOException e) {
            err.println("rules test: " + scenarios + ": cannot be read");
            return Main.BAD_INPUT;
        }
        Scenario.Read read = Scenarios.read(new Workbook(scenarios.getFileName().toString(), bytes));
        if (!read.problems().isEmpty()) {
            CliSupport.printProblems(read.problems(), args, out, "test", "The scenario workbook has problems:");
            return Main.FOUND_PROBLEMS;
        }
        RuleSet.Build built;
        try {
            built = RuleSet.build(CliSupport.load(tables.toString()));
        } catch (CliSupport.UsageException e) {
            err.println("rules test: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        List<Problem> problems = built.ruleSet().map(r -> r.safety().problems()).orElse(built.problems());
        if (!problems.isEmpty()) {
            CliSupport.printProblems(problems, args, out, "test",
                    "The tables cannot be used (run bin/rules validate and bin/rules analyse):");
            return Main.FOUND_PROBLEMS;
        }
        List<ScenarioResult> results = built.ruleSet().orElseThrow().run(read.scenarios());
        long failed = results.stream().filter(r -> !r.passed()).count();
        if (args.json()) {
            ObjectNode json = CliSupport.NODES.objectNode().put("command", "test").put("ok", failed == 0);
            json.setAll(org.safeguarding.rules.json.tree.ReviewJson.scenarios(results));
            out.println(json.toPrettyString());
        } else {
            for (ScenarioResult r : results) {
                out.println((r.passed() ? "PASS " : "FAIL ") + r.scenario().id() + " (row " + r.scenario().excelRow() + ") "
                        + r.scenario().description());
                r.differences().forEach(d -> out.println("       " + d));
            }
            out.println("scenarios: " + (results.size() - failed) + " passed, " + failed + " failed");
        }
        return failed == 0 ? Main.OK : Main.FOUND_PROBLEMS;
    }
}
