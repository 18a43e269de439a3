package org.safeguarding.rules.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.safeguarding.rules.api.DecisionEngine;
import org.safeguarding.rules.api.FieldError;
import org.safeguarding.rules.api.IncidentRejectedException;
import org.safeguarding.rules.api.RuleSetException;
import org.safeguarding.rules.json.IncidentJson;
import org.safeguarding.rules.json.InvalidRequestException;
import org.safeguarding.rules.json.RecommendationJson;

/**
 * {@code bin/rules decide [--jsonl] [--tables DIR]}: a request JSON on stdin, the
 * recommendation JSON on stdout. With {@code --jsonl}, one request per line and one answer
 * per line, a problem object standing in for each bad line, so a bulk run is never cut short.
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
            out.println(RecommendationJson.write(RecommendationJson.tableProblems("Invalid decision tables", e.problems())));
            return Main.BAD_INPUT;
        } catch (IOException e) {
            out.println(RecommendationJson.write(RecommendationJson.problem(RecommendationJson.INVALID_TABLES,
                    "Unreadable decision tables", 400, "the tables could not be read",
                    List.of(new FieldError("--tables", Files.exists(tables) ? "cannot be read" : "does not exist")))));
            return Main.BAD_INPUT;
        }
        try {
            if (!jsonl) {
                ObjectNode answer = decide(engine, in.readAllBytes());
                out.println(RecommendationJson.write(answer));
                return answer.has("decisionId") ? Main.OK : Main.BAD_INPUT;
            }
            boolean allGood = true;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode answer = decide(engine, line.getBytes(StandardCharsets.UTF_8));
                if (!answer.has("decisionId")) {
                    answer.put("line", lineNumber);
                    allGood = false;
                }
                out.println(RecommendationJson.write(answer));
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

    private static ObjectNode decide(DecisionEngine engine, byte[] body) {
        try {
            return RecommendationJson.toJson(engine.decide(IncidentJson.read(body)));
        } catch (InvalidRequestException e) {
            return RecommendationJson.problem(RecommendationJson.INVALID_REQUEST, "Invalid request", 400,
                    "The request does not match the decision model: see errors.", e.errors());
        } catch (IncidentRejectedException e) {
            return RecommendationJson.problem(RecommendationJson.REJECTED_INCIDENT, "Incident cannot be decided", 422,
                    e.getMessage().substring(0, e.getMessage().indexOf(':')), e.errors());
        }
    }
}
