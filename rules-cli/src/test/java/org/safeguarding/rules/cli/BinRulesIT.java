package org.safeguarding.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The real {@code bin/rules} script against the packaged jar, as a user runs it after the build. */
class BinRulesIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    record Result(int exit, String out) {
    }

    static Result binRules(String stdin, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = ROOT.resolve("bin/rules").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out);
    }

    @Test
    void decides_from_stdin() throws Exception {
        Result emergency = binRules("{\"immediateDanger\": true}", "decide");
        assertThat(emergency.exit()).isZero();
        assertThat(emergency.out()).contains("\"pathway\":\"EMERGENCY\"").contains("\"actions\":[{\"code\":\"CALL_999\"");
    }

    @Test
    void misspelt_field_exits_2_with_only_the_problem_on_stdout() throws Exception {
        Result bad = binRules("{\"adultInvolve\": true}", "decide");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.out().trim()).startsWith("{\"type\":").endsWith("}").contains("\"field\":\"adultInvolve\"");
        assertThat(bad.out().lines().count()).isEqualTo(1);
    }

    @Test
    void decides_with_tables_from_the_repository_folder() throws Exception {
        Result result = binRules("{}", "decide", "--tables", ROOT.resolve("decision-tables") + File.separator);
        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("\"provisional\":true");
    }
}
