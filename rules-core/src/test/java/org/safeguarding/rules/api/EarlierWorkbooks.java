package org.safeguarding.rules.api;

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

    static SafetyReport analyse(EditedWorkbook workbook) {
        return RuleSet.build(List.of(workbook.toWorkbook())).ruleSet().orElseThrow().safety();
    }
}
