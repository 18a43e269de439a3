package org.safeguarding.rules.api;

import org.safeguarding.rules.DecisionEngine;
import org.safeguarding.rules.RuleSet;

import org.safeguarding.rules.Scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.rules.tables.ColumnKind;
import org.safeguarding.rules.tables.EditedWorkbook;
import org.safeguarding.rules.tables.TableTemplate;

/**
 * Safety property 13, as an integrator meets it: the workbook whose P-01 (immediate danger)
 * gives HANDLE_INTERNALLY compiles, but no public entry point yields an engine for it.
 */
class NoUnprovenEngineTest {
    private static final int PATHWAY_OUTCOME = TableTemplate.PATHWAY.column(ColumnKind.OUTCOME);

    private static Workbook unsafe() {
        return EditedWorkbook.ofShipped().setRule(TableTemplate.PATHWAY, "P-01", PATHWAY_OUTCOME, "HANDLE_INTERNALLY").toWorkbook();
    }

    /** Every public way to a DecisionEngine; the test below fails when one is added without being tried here. */
    private static final Set<String> ENTRY_POINTS = Set.of("DecisionEngine.bundled", "DecisionEngine.fromPath",
            "DecisionEngine.fromStreams", "DecisionEngine.withEvaluation", "DecisionEngine.withContacts", "RuleSet.prove");

    @Test
    void every_public_method_that_yields_an_engine_is_tried_here() throws Exception {
        // The public API: the entry points in the root package and the values in api.
        Path root = Path.of(DecisionEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("org/safeguarding/rules");
        List<Class<?>> classes = new java.util.ArrayList<>();
        for (String pkg : List.of("", "api")) {
            try (var files = Files.list(pkg.isEmpty() ? root : root.resolve(pkg))) {
                String prefix = "org.safeguarding.rules." + (pkg.isEmpty() ? "" : pkg + ".");
                files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.equals("package-info.class"))
                        .<Class<?>>map(n -> load(prefix + n.substring(0, n.length() - ".class".length()))).forEach(classes::add);
            }
        }
        assertThat(classes).contains(RuleSet.class, RuleSet.Build.class);
        Set<String> found = classes.stream()
                .flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
                .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getReturnType() == DecisionEngine.class)
                .map(m -> m.getDeclaringClass().getSimpleName() + "." + m.getName())
                .collect(Collectors.toSet());
        assertThat(found).isEqualTo(ENTRY_POINTS);
        // withEvaluation and withContacts start from an engine, so from tables already proven.
        for (Method m : DecisionEngine.class.getDeclaredMethods()) {
            if (m.getName().startsWith("with")) {
                assertThat(Modifier.isStatic(m.getModifiers())).as(m.getName()).isFalse();
            }
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void the_unsafe_workbook_compiles_but_proving_it_names_the_finding() {
        RuleSet.Build build = RuleSet.build(List.of(unsafe()));
        assertThat(build.problems()).isEmpty();
        RuleSet ruleSet = build.ruleSet().orElseThrow();
        assertThatThrownBy(ruleSet::prove).isInstanceOf(RuleSetException.class)
                .satisfies(e -> assertThat(((RuleSetException) e).problems()).anySatisfy(p -> {
                    assertThat(p.sheet()).isEqualTo("Pathway");
                    assertThat(p.message()).contains("safety property 3");
                }));
        // asking again gives the same refusal, not an engine remembered from the first try
        assertThatThrownBy(ruleSet::prove).isInstanceOf(RuleSetException.class);
        assertThatThrownBy(ruleSet::toIndex).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void from_path_and_from_streams_refuse_it(@TempDir Path folder) throws Exception {
        Workbook unsafe = unsafe();
        Files.write(folder.resolve(unsafe.name()), unsafe.bytes());
        assertThatThrownBy(() -> DecisionEngine.fromPath(folder)).isInstanceOf(RuleSetException.class)
                .hasMessageContaining("safety property 3");
        assertThatThrownBy(() -> DecisionEngine.fromPath(folder.resolve(unsafe.name()))).isInstanceOf(RuleSetException.class);
        assertThatThrownBy(() -> DecisionEngine.fromStreams(Map.of(unsafe.name(), new ByteArrayInputStream(unsafe.bytes()))))
                .isInstanceOf(RuleSetException.class).hasMessageContaining("safety property 3");
    }

    @Test
    void review_passes_nothing_and_no_saved_index_of_the_shipped_tables_loads_it() {
        Workbook unsafe = unsafe();
        RuleSet.Review review = RuleSet.review(List.of(unsafe), Scenarios.bundled(), Optional.empty());
        assertThat(review.passed()).isEmpty();
        byte[] shippedIndex = RuleSet.bundled().toIndex();
        assertThat(RuleSet.fromIndex(shippedIndex, List.of(unsafe))).isEmpty();
    }

    @Test
    void the_safe_tables_still_decide_999_first() throws Exception {
        DecisionEngine engine = RuleSet.build(Workbook.bundled()).ruleSet().orElseThrow().prove();
        assertThat(engine.decide(Incident.builder().immediateDanger(Answer.YES).build()).actionCodes().get(0))
                .isEqualTo(ActionCode.CALL_999);
    }
}
