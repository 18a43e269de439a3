package org.safeguarding.rules.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/rules}: one entry point, one subcommand per task. Exit codes are the same for
 * every subcommand: 0 done and clean, 1 found problems, 2 bad usage or unreadable input.
 */
public final class Main {
    static final int OK = 0;
    static final int FOUND_PROBLEMS = 1;
    static final int BAD_INPUT = 2;

    /** A subcommand: its arguments after the name, the standard streams, and its exit code. */
    interface Command {
        String summary();

        int run(List<String> args, InputStream in, PrintStream out, PrintStream err);
    }

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("decide", new DecideCommand());
        COMMANDS.put("validate", new ValidateCommand());
        COMMANDS.put("test", new TestCommand());
        COMMANDS.put("analyse", new AnalyseCommand());
        COMMANDS.put("diff", new DiffCommand());
        COMMANDS.put("render", new RenderCommand());
        COMMANDS.put("token", new TokenCommand());
    }

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.in, System.out, System.err));
    }

    static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("help")) {
            usage(err);
            return args.isEmpty() ? BAD_INPUT : OK;
        }
        Command command = COMMANDS.get(args.get(0));
        if (command == null) {
            err.println("rules: unknown command '" + args.get(0) + "'");
            usage(err);
            return BAD_INPUT;
        }
        return command.run(args.subList(1, args.size()), in, out, err);
    }

    private static void usage(PrintStream err) {
        err.println("usage: bin/rules COMMAND [OPTIONS]");
        COMMANDS.forEach((name, command) -> err.printf("  %-10s %s%n", name, command.summary()));
        err.println("exit codes: 0 ok, 1 problems found, 2 bad usage or unreadable input");
    }
}
