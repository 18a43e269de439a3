package org.safeguarding.rules.api;

import org.safeguarding.rules.DecisionEngine;
import org.safeguarding.rules.RuleSet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.safeguarding.rules.tables.EditedWorkbook;

/** Workbooks as leads saved them before a column was added (test resources), and the analysis of edited ones. */
final class EarlierWorkbooks {
    private EarlierWorkbooks() {
    }

    /** The rule set of the workbook kept in this resource folder: it must read without a problem and prove safe. */
    static RuleSet proven(String folder) throws IOException {
        byte[] before;
        try (var in = EarlierWorkbooks.class.getClassLoader().getResourceAsStream(folder + "/" + EditedWorkbook.NAME)) {
            before = in.readAllBytes();
        }
        RuleSet.Build built = RuleSet.build(List.of(new Workbook(EditedWorkbook.NAME, before)));
        assertThat(built.problems()).isEmpty();
        RuleSet ruleSet = built.ruleSet().orElseThrow();
        assertThat(ruleSet.safety().findings()).isEmpty();
        return ruleSet;
    }

    /**
     * The old tables decide 2,000 random incidents as the shipped ones do, with the facts added since
     * held where {@code held} puts them: the pathway, the flag, the actions, and the questions but for
     * those {@code askedOnlyNow} (about facts the old workbook has no column for).
     */
    static void decideAsBefore(DecisionEngine was, long seed, java.util.function.UnaryOperator<Incident.Builder> held,
                               java.util.function.Predicate<Fact> askedOnlyNow) {
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < 2_000; i++) {
            Incident incident = held.apply(RandomIncidents.facts(random)).build();
            Recommendation now = Engines.bundled().decide(incident);
            Recommendation then = was.decide(incident);
            assertThat(then.pathway()).isEqualTo(now.pathway());
            assertThat(then.provisional()).isEqualTo(now.provisional());
            assertThat(then.actionCodes()).isEqualTo(now.actionCodes());
            assertThat(then.questionCodes().stream().filter(askedOnlyNow.negate()).toList())
                    .isEqualTo(now.questionCodes().stream().filter(askedOnlyNow.negate()).toList());
        }
    }

    /**
     * Where the setup warnings of an older workbook say the named columns go, as "Sheet!cell", one
     * entry per warning.
     */
    static List<String> whereColumnsGo(RuleSet old, String... labels) {
        return old.info(java.time.Instant.now()).setupWarnings().stream()
                .filter(w -> java.util.Arrays.stream(labels).anyMatch(l -> w.message().startsWith("This sheet was made before the '" + l + "' column")))
                .map(w -> w.sheet() + "!" + w.cell()).toList();
    }

    static SafetyReport analyse(EditedWorkbook workbook) {
        return RuleSet.build(List.of(workbook.toWorkbook())).ruleSet().orElseThrow().safety();
    }
}
