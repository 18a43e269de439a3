package org.safeguarding.rules.runtime;

import org.safeguarding.rules.DecisionEngine;
import org.safeguarding.rules.RuleSet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Deciding with the shipped tables needs rules-core and decision-tables only: Drools and POI are
 * optional dependencies (rules-builder brings them). Run in a JVM of its own whose classpath holds
 * nothing else, so a decision that reached a Drools or POI class would fail here, and a library
 * that printed anything on stderr would be heard.
 */
class RuntimeWithoutBuildDependenciesTest {

    @Test
    void the_shipped_tables_decide_with_neither_drools_nor_poi_and_say_nothing_on_stderr() throws Exception {
        List<String> ours = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("rules-core") || entry.contains("decision-tables")).toList();
        assertThat(ours).as("rules-core's classes and tests, and decision-tables").hasSize(3);
        Path workbook = Path.of("..", "decision-tables", "safeguarding-rules.drl.xlsx");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, ours), RuntimeOnly.class.getName(), workbook.toString()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(err).as("stderr").isEmpty();
        assertThat(process.exitValue()).isZero();
        assertThat(out.lines()).containsExactly(
                "danger EMERGENCY CALL_999",
                "adult ESCALATE true true",
                "saved index EMERGENCY",
                "build refused: Building a rule set from workbooks needs Drools (org.drools:drools-engine-classic and drools-mvel) on "
                        + "the classpath: depend on org.safeguarding:rules-builder (docs/embedding.md). Deciding with proven tables "
                        + "(DecisionEngine.bundled(), or RuleSet.fromIndex with a saved index) does not.",
                "drools refused: Evaluating a rule set with Drools needs Drools (org.drools:drools-engine-classic and drools-mvel) on "
                        + "the classpath: depend on org.safeguarding:rules-builder (docs/embedding.md). Deciding with proven tables "
                        + "(DecisionEngine.bundled(), or RuleSet.fromIndex with a saved index) does not.",
                "drools loaded false, poi loaded false");
        assertThat(Files.exists(workbook)).isTrue();
    }

    /** An application that left drools-mvel out hears which artifact to add, not Drools' "Rules compilation failed". */
    @Test
    void a_build_without_drools_mvel_names_what_is_missing() throws Exception {
        List<String> withoutMvel = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("mvel")).toList();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, withoutMvel), BuildWithoutMvel.class.getName(),
                Path.of("..", "decision-tables", "safeguarding-rules.drl.xlsx").toString()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out).startsWith("build refused: Building a rule set from workbooks needs Drools (org.drools:drools-engine-classic "
                + "and drools-mvel) on the classpath: depend on org.safeguarding:rules-builder");
    }
}
