package org.safeguarding.rules.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.safeguarding.rules.api.Problem;
import org.safeguarding.rules.RuleSet;
import org.safeguarding.rules.api.Workbook;

/** What the table commands share: arguments, loading workbooks, printing problems as text or JSON. */
final class CliSupport {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CliSupport() {
    }

    /** Options and positional arguments of a command line. */
    record Args(boolean json, boolean textconv, boolean strict, List<String> positional, List<String> unknown) {
        static Args parse(List<String> args) {
            boolean json = false;
            boolean textconv = false;
            boolean strict = false;
            List<String> positional = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (String arg : args) {
                switch (arg) {
                    case "--json" -> json = true;
                    case "--textconv" -> textconv = true;
                    case "--strict" -> strict = true;
                    default -> (arg.startsWith("--") ? unknown : positional).add(arg);
                }
            }
            return new Args(json, textconv, strict, positional, unknown);
        }
    }

    /** Thrown for bad usage or unreadable input: the command exits 2 with this message on stderr. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static List<Workbook> load(String path) throws UsageException {
        Path p = Path.of(path);
        if (!Files.exists(p)) {
            throw new UsageException(path + ": no such file or folder");
        }
        try {
            List<Workbook> workbooks = Workbook.load(p);
            if (workbooks.isEmpty()) {
                throw new UsageException(path + ": no rule workbooks (*.drl.xlsx) in this folder");
            }
            return workbooks;
        } catch (NoSuchFileException e) {
            throw new UsageException(path + ": no such file");
        } catch (IOException e) {
            throw new UsageException(path + ": cannot be read");
        }
    }

    /**
     * The workbooks of a command taking one DIR|FILE argument, or empty after printing the usage
     * or why they cannot be read; the command then exits 2.
     */
    static java.util.Optional<List<Workbook>> singleTablesArgument(Args args, String command, String usage, PrintStream err) {
        if (args.positional().size() != 1 || !args.unknown().isEmpty()) {
            err.println("usage: " + usage);
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(load(args.positional().get(0)));
        } catch (UsageException e) {
            err.println("rules " + command + ": " + e.getMessage());
            return java.util.Optional.empty();
        }
    }

    /** Builds a rule set or prints why it cannot be built (and returns null). */
    static RuleSet build(List<Workbook> workbooks, Args args, PrintStream out, String command) {
        RuleSet.Build built = RuleSet.build(workbooks);
        if (built.ruleSet().isEmpty()) {
            printProblems(built.problems(), args, out, command, "The tables are not valid; fix these first (bin/rules validate):");
            return null;
        }
        return built.ruleSet().get();
    }

    static void printProblems(List<Problem> problems, Args args, PrintStream out, String command, String heading) {
        if (args.json()) {
            ObjectNode json = NODES.objectNode().put("command", command).put("ok", problems.isEmpty());
            json.set("problems", org.safeguarding.rules.json.tree.ReviewJson.problems(problems));
            out.println(json.toPrettyString());
            return;
        }
        if (!problems.isEmpty()) {
            out.println(heading);
        }
        problems.forEach(p -> out.println("  - " + p));
    }

    static ObjectNode mapJson(Map<String, String> map) {
        ObjectNode json = NODES.objectNode();
        map.forEach(json::put);
        return json;
    }

    static String describe(Map<String, String> facts) {
        return org.safeguarding.rules.api.IncidentWords.describe(facts);
    }
}
