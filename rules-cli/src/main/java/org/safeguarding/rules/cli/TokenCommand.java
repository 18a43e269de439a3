package org.safeguarding.rules.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code bin/rules token --role decision-client|rules-admin [--hours N]}: prints a token the
 * service started by bin/serve accepts. For development and demos only.
 */
final class TokenCommand implements Main.Command {
    private static final Set<String> ROLES = Set.of("decision-client", "rules-admin");

    @Override
    public String summary() {
        return "print a local development token (--role decision-client|rules-admin [--hours N])";
    }

    @Override
    public int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        String role = null;
        long hours = 8;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--role") && i + 1 < args.size()) {
                role = args.get(++i);
            } else if (arg.equals("--hours") && i + 1 < args.size() && args.get(i + 1).matches("[0-9]{1,4}")) {
                hours = Long.parseLong(args.get(++i));
            } else {
                role = null;
                break;
            }
        }
        if (role == null || !ROLES.contains(role) || hours < 1 || hours > 24) {
            err.println("usage: bin/rules token --role decision-client|rules-admin [--hours N] (N from 1 to 24, the service's maximum lifetime)");
            return Main.BAD_INPUT;
        }
        try {
            Path repository = Path.of(System.getProperty("rules.home", ".")).toAbsolutePath();
            out.println(LocalTokens.token(LocalTokens.folder(repository), "local-" + role, role, Duration.ofHours(hours)));
            return Main.OK;
        } catch (Exception e) {
            err.println("rules token: cannot make or read the local key pair (" + e.getClass().getSimpleName() + ")");
            return Main.BAD_INPUT;
        }
    }
}
