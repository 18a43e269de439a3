package org.safeguarding.rules.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import org.junit.jupiter.api.Test;

/**
 * Issue 28: the packages of rules-core depend on one another in one direction only, the public
 * values ({@code api}) and what a file must be ({@code files}) at the bottom, the entry points
 * ({@code org.safeguarding.rules}) at the top. Read from the compiled classes by the JDK's jdeps,
 * so a fully qualified name or a javadoc link can neither hide a dependency nor invent one.
 */
class NoPackageCycleTest {
    private static final String PREFIX = "org.safeguarding.rules";

    @Test
    void no_package_of_rules_core_depends_on_itself_through_another() {
        Map<String, Set<String>> uses = dependencies();
        assertThat(uses).containsKeys(PREFIX, PREFIX + ".api", PREFIX + ".engine", PREFIX + ".tables", PREFIX + ".analysis");
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            findCycle(start, start, uses, new ArrayList<>(List.of(start)), new TreeSet<>(), cycles);
        }
        assertThat(cycles).as("package cycles").isEmpty();
        assertThat(uses.get(PREFIX + ".api")).as("the public values depend only on files").isSubsetOf(Set.of(PREFIX + ".files"));
        assertThat(uses.getOrDefault(PREFIX + ".files", Set.of())).as("files depends on nothing of ours").isEmpty();
    }

    private static void findCycle(String start, String at, Map<String, Set<String>> uses, List<String> path, Set<String> seen,
                                  List<String> cycles) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                cycles.add(String.join(" -> ", path) + " -> " + start);
            } else if (seen.add(next)) {
                path.add(next);
                findCycle(start, next, uses, path, seen, cycles);
                path.remove(path.size() - 1);
            }
        }
    }

    /** Package to the other packages of ours it uses, from jdeps over target/classes. */
    private static Map<String, Set<String>> dependencies() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("this JDK has no jdeps"));
        StringWriter out = new StringWriter();
        // Class by class: given the folder, jdeps would resolve module-info's requirements, which are not on its path.
        List<String> arguments = new ArrayList<>(List.of("-verbose:package", "-filter:none"));
        try (java.util.stream.Stream<Path> classes = java.nio.file.Files.walk(Path.of("target/classes"))) {
            classes.map(Path::toString).filter(f -> f.endsWith(".class") && !f.endsWith("module-info.class")).forEach(arguments::add);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(arguments).as("compiled classes").hasSizeGreaterThan(100);
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(out), arguments.toArray(String[]::new));
        assertThat(status).as(out.toString()).isZero();
        Map<String, Set<String>> uses = new TreeMap<>();
        // Lines like "   org.safeguarding.rules.api      -> org.safeguarding.rules.files     classes"
        Pattern edge = Pattern.compile("^\\s+(" + Pattern.quote(PREFIX) + "[\\w.]*)\\s+->\\s+(" + Pattern.quote(PREFIX) + "[\\w.]*)\\s");
        for (String line : out.toString().split("\n")) {
            Matcher m = edge.matcher(line);
            if (m.find() && !m.group(1).equals(m.group(2)) && !m.group(2).startsWith(PREFIX + ".generated")) {
                uses.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
            }
        }
        return uses;
    }
}
