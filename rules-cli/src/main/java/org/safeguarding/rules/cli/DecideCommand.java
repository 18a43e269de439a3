package org.safeguarding.rules.cli;

import org.safeguarding.rules.json.tree.ProblemJson;
import org.safeguarding.rules.json.tree.Trees;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.safeguarding.rules.DecisionEngine;
import org.safeguarding.rules.api.FieldError;
import org.safeguarding.rules.api.RuleSetException;
import org.safeguarding.rules.json.IncidentJson;
import org.safeguarding.rules.json.InvalidRequestException;

/**
 * {@code bin/rules decide [--jsonl] [--tables DIR]}: a request JSON on stdin, the
 * recommendation JSON on stdout. With {@code --jsonl}, one request per line and one answer
 * per line, a problem object standing in for each bad line, so a bulk run is never cut short.
 * The limits are the service's: a request (or line) is at most 64 KiB, refused with the same
 * problem, and a refusal of a request that says a child is in immediate danger carries the
 * 999 advice.
 */
final class DecideCommand implements Main.Command {

    @Override
    public String summary() {
        return "read a request JSON on stdin, print the recommendation (--jsonl: one per line; --tables DIR)";
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        boolean jsonl = false;
        Path tables = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--jsonl" -> jsonl = true;
                case "--tables" -> {
                    if (i + 1 >= args.size()) {
                        err.println("rules decide: --tables needs a folder or workbook");
                        return Main.BAD_INPUT;
                    }
                    tables = Path.of(args.get(++i));
                }
                default -> {
                    err.println("rules decide: unknown option '" + args.get(i) + "'");
                    err.println("usage: bin/rules decide [--jsonl] [--tables DIR]");
                    return Main.BAD_INPUT;
                }
            }
        }
        DecisionEngine engine;
        try {
            engine = tables == null ? bundled() : DecisionEngine.fromPath(tables);
        } catch (RuleSetException e) {
            out.println(Trees.write(ProblemJson.tableProblems("Invalid decision tables", e.problems())));
            return Main.BAD_INPUT;
        } catch (IOException e) {
            out.println(Trees.write(ProblemJson.problem(ProblemJson.INVALID_TABLES,
                    "Unreadable decision tables", 400, "the tables could not be read",
                    List.of(new FieldError("--tables", Files.exists(tables) ? "cannot be read" : "does not exist")))));
            return Main.BAD_INPUT;
        }
        try {
            if (!jsonl) {
                ObjectNode answer = decide(engine, in.readNBytes(IncidentJson.MAX_BODY_BYTES + 1));
                out.println(Trees.write(answer));
                return answer.has("decisionId") ? Main.OK : Main.BAD_INPUT;
            }
            boolean allGood = true;
            InputStream input = new java.io.BufferedInputStream(in);
            int lineNumber = 0;
            for (byte[] line = boundedLine(input); line != null; line = boundedLine(input)) {
                lineNumber++;
                if (new String(line, StandardCharsets.UTF_8).isBlank()) {
                    continue;
                }
                ObjectNode answer = decide(engine, line);
                if (!answer.has("decisionId")) {
                    answer.put("line", lineNumber);
                    allGood = false;
                }
                out.println(Trees.write(answer));
            }
            return allGood ? Main.OK : Main.BAD_INPUT;
        } catch (IOException e) {
            err.println("rules decide: cannot read standard input");
            return Main.BAD_INPUT;
        }
    }

    private static volatile DecisionEngine bundled;

    /** Built once per process: proving the tables safe takes seconds, and the bundled tables never change. */
    private static DecisionEngine bundled() {
        if (bundled == null) {
            bundled = DecisionEngine.bundled();
        }
        return bundled;
    }

    /**
     * The next line without its line break, at most 64 KiB and one byte kept (so an over-long
     * line is refused as too large); the rest of an over-long line is skipped unread into memory.
     * {@code null} at the end of input.
     */
    private static byte[] boundedLine(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            if (line.size() <= IncidentJson.MAX_BODY_BYTES) {
                line.write(b);
            }
            b = in.read();
        }
        return line.toByteArray();
    }

    private static ObjectNode decide(DecisionEngine engine, byte[] body) {
        if (body.length > IncidentJson.MAX_BODY_BYTES) {
            ObjectNode problem = ProblemJson.tooLarge();
            return IncidentJson.saysImmediateDanger(body) ? ProblemJson.withEmergency(problem, engine.emergencyAction()) : problem;
        }
        try {
            return Trees.recommendation(engine.decide(IncidentJson.read(body, engine.emergencyAction())));
        } catch (InvalidRequestException e) {
            return ProblemJson.invalidRequest(e);
        }
    }
}
