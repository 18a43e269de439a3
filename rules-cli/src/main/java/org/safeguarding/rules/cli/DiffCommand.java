package org.safeguarding.rules.cli;

import org.safeguarding.rules.api.ImpactReport;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.safeguarding.rules.RuleSet;
import org.safeguarding.rules.api.Workbook;

/**
 * {@code bin/rules diff OLD NEW [--json]}: what an edit changes over every combination of
 * facts. Exits 1 when any combination gets a less severe pathway (a safety regression).
 */
final class DiffCommand implements Main.Command {

    @Override
    public String summary() {
        return "what an edit changes, over every combination of facts; flags lowered severity (OLD NEW)";
    }

    @Override
    public int run(List<String> argv, InputStream in, PrintStream out, PrintStream err) {
        CliSupport.Args args = CliSupport.Args.parse(argv);
        if (args.positional().size() != 2 || !args.unknown().isEmpty()) {
            err.println("usage: bin/rules diff OLD NEW [--json]   (each a folder or a workbook)");
            return Main.BAD_INPUT;
        }
        List<Workbook> before;
        List<Workbook> after;
        try {
            before = CliSupport.load(args.positional().get(0));
            after = CliSupport.load(args.positional().get(1));
        } catch (CliSupport.UsageException e) {
            err.println("rules diff: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        RuleSet old = CliSupport.build(before, args, out, "diff");
        RuleSet neu = old == null ? null : CliSupport.build(after, args, out, "diff");
        if (old == null || neu == null) {
            return Main.FOUND_PROBLEMS;
        }
        ImpactReport report = neu.changesFrom(old);
        if (args.json()) {
            ObjectNode json = CliSupport.NODES.objectNode().put("command", "diff").put("ok", !report.safetyRegression());
            json.setAll(org.safeguarding.rules.json.tree.ReviewJson.impact(report));
            out.println(json.toPrettyString());
        } else {
            out.printf(java.util.Locale.UK, "Compared the decisions for every one of the %,d possible incidents.%n", report.combinations());
            if (report.pathwayChanges().isEmpty() && report.actionChanges().isEmpty()) {
                out.println("No decision changes.");
            }
            for (ImpactReport.Change c : List.copyOf(concat(report.pathwayChanges(), report.actionChanges()))) {
                out.printf(java.util.Locale.UK, "%s%s, for %,d of the possible incidents.%n       For example: %s.%n",
                        c.safetyRegression() ? "SAFETY REGRESSION (less safe): " : "", c.inWords(), c.combinations(),
                        CliSupport.describe(c.example()));
            }
            for (ImpactReport.TextChange c : report.textChanges()) {
                out.printf("%s%s, %s%n       before: %s%n       after:  %s%n", c.needsConfirmation() ? "CHECK BEFORE ACTIVATING " : "text ",
                        c.sheet(), c.key(), c.before().isEmpty() ? "(none)" : c.before(), c.after().isEmpty() ? "(none)" : c.after());
                if (c.needsConfirmation()) {
                    out.printf("       %s%n", c.warning());
                }
            }
        }
        return report.safetyRegression() ? Main.FOUND_PROBLEMS : Main.OK;
    }

    private static List<ImpactReport.Change> concat(List<ImpactReport.Change> a, List<ImpactReport.Change> b) {
        List<ImpactReport.Change> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
