package org.safeguarding.rules.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Issue 28: each property is numbered and named once, so a number means one thing wherever a finding shows it. */
class SafetyPropertyTest {
    @Test
    void the_properties_are_numbered_once_from_1_with_no_gap_and_named_once() {
        assertThat(Arrays.stream(SafetyProperty.values()).mapToInt(p -> p.number))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, SafetyProperty.values().length).boxed().toList());
        assertThat(Arrays.stream(SafetyProperty.values()).map(p -> p.title)).doesNotHaveDuplicates();
    }

    @Test
    void the_findings_of_an_unsafe_workbook_carry_their_property_title_exactly() {
        var report = SafetyAnalyserTest.analyse(org.safeguarding.rules.tables.EditedWorkbook.ofShipped()
                .setRule(org.safeguarding.rules.tables.TableTemplate.ACTIONS, "A-15",
                        org.safeguarding.rules.tables.TableTemplate.ACTIONS.column(org.safeguarding.rules.tables.ColumnKind.OUTCOME),
                        "ONGOING_SUPPORT"));
        assertThat(report.findings()).isNotEmpty().allSatisfy(f ->
                assertThat(f.title()).isEqualTo(SafetyProperty.values()[f.property() - 1].title));
    }
}
