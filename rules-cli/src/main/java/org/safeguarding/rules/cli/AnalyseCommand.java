package org.safeguarding.rules.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.safeguarding.rules.api.HygieneFinding;
import org.safeguarding.rules.api.SafetyFinding;
import org.safeguarding.rules.api.SafetyReport;
import org.safeguarding.rules.RuleSet;
import org.safeguarding.rules.api.Workbook;

/**
 * {@code bin/rules analyse DIR|FILE [--json]}: proves the safety properties over every
 * combination of facts and reports table hygiene, each failure with a counterexample.
 */
final class AnalyseCommand implements Main.Command {

    @Override
    public String summary() {
        return "prove the safety properties over every combination of facts; rows that never apply (DIR|FILE)";
    }

    @Override
    public int run(List<String> argv, InputStream in, PrintStream out, PrintStream err) {
        CliSupport.Args args = CliSupport.Args.parse(argv);
        Optional<List<Workbook>> workbooks = CliSupport.singleTablesArgument(args, "analyse", "bin/rules analyse DIR|FILE [--json]", err);
        if (workbooks.isEmpty()) {
            return Main.BAD_INPUT;
        }
        RuleSet ruleSet = CliSupport.build(workbooks.get(), args, out, "analyse");
        if (ruleSet == null) {
            return Main.FOUND_PROBLEMS;
        }
        long start = System.nanoTime();
        SafetyReport report = ruleSet.safety();
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (args.json()) {
            ObjectNode json = CliSupport.NODES.objectNode().put("command", "analyse").put("ok", report.clean());
            json.setAll(org.safeguarding.rules.json.tree.ReviewJson.safety(report));
            json.put("millis", millis);
            out.println(json.toPrettyString());
            return report.clean() ? Main.OK : Main.FOUND_PROBLEMS;
        }
        for (SafetyFinding f : report.findings()) {
            out.println("NOT SAFE: " + f.message());
            out.println("       For example: " + f.exampleInWords() + ".");
            out.println("       Rules involved: " + (f.rules().isEmpty() ? "none applies" : String.join(", ",
                    f.rules().stream().map(r -> r.id() + " (" + r.sheet() + " sheet, cell A" + r.row() + ")").toList())) + ".");
            out.printf(java.util.Locale.UK, "       This happens for %,d of the possible incidents (safety property %d: %s).%n",
                    f.combinations(), f.property(), f.title());
        }
        for (HygieneFinding h : report.hygiene()) {
            out.println("TO TIDY: " + h.rule().sheet() + " sheet, cell A" + h.rule().row() + " (rule " + h.rule().id() + "): " + h.message());
        }
        out.printf(java.util.Locale.UK, "Checked every one of the %,d possible incidents (and %,d combinations for the actions) in %,d ms: %s%n",
                report.pathwayCombinations(), report.actionCombinations(), millis,
                report.clean() ? "every safety property holds, nothing to tidy."
                        : report.findings().size() + " way(s) the tables are not safe, " + report.hygiene().size() + " thing(s) to tidy.");
        return report.clean() ? Main.OK : Main.FOUND_PROBLEMS;
    }
}
