package org.safeguarding.rules.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.safeguarding.rules.api.ImpactReport;
import org.safeguarding.rules.RuleSet;
import org.safeguarding.rules.tables.ColumnKind;
import org.safeguarding.rules.tables.EditedWorkbook;
import org.safeguarding.rules.tables.TableTemplate;

/**
 * What an edit changes is decided once per class of the facts only the Actions table reads (the
 * values either side's rows name), and counted for every incident the class stands for: the counts
 * are those of deciding every incident one by one.
 */
class ImpactDiffTest {

    @Test
    void a_lost_counselling_row_is_counted_over_every_incident_with_a_distressed_child() {
        int action = TableTemplate.ACTIONS.column(ColumnKind.OUTCOME);
        RuleSet edited = RuleSet.build(List.of(EditedWorkbook.ofShipped()
                .setRule(TableTemplate.ACTIONS, "A-23", action, "ONGOING_SUPPORT").toWorkbook())).ruleSet().orElseThrow();
        ImpactReport changes = edited.changesFrom(RuleSet.bundled());
        // childDistressed is YES in a third of every possible incident: no link ties it, and only A-23 reads it.
        long everyIncident = RuleSet.bundled().safety().actionCombinations();
        assertThat(changes.actionChanges()).filteredOn(c -> c.change().equals("- OFFER_COUNSELLING")).singleElement()
                .satisfies(c -> assertThat(c.combinations()).isEqualTo(everyIncident / 3));
    }
}
