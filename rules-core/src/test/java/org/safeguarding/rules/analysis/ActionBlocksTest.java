package org.safeguarding.rules.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.tables.RuleRow;
import org.safeguarding.rules.tables.TableTemplate;

class ActionBlocksTest {
    private static final List<Fact> FREE = List.of(Fact.DEVICE, Fact.MEDIA_TYPE, Fact.SHARING, Fact.CHILD_DISTRESSED);
    private static final List<RuleRow> ROWS = List.of(
            row("A-1", Map.of("device", "ORGANISATION"), ActionCode.ISOLATE_DEVICE),
            row("A-2", Map.of("mediaType", "IMAGE", "sharing", "POSTED_ONLINE"), ActionCode.REPORT_TO_IWF),
            row("A-3", Map.of("childDistressed", "YES"), ActionCode.OFFER_COUNSELLING),
            row("A-4", Map.of("pathway", "ESCALATE"), ActionCode.REFER_CHILDRENS_SOCIAL_CARE));

    @Test
    void facts_a_row_reads_together_share_a_block_and_the_rest_stand_alone() {
        ActionBlocks blocks = new ActionBlocks(FREE, ROWS, List.of());
        assertThat(blocks.blocks()).containsExactlyInAnyOrder(List.of(Fact.DEVICE), List.of(Fact.MEDIA_TYPE, Fact.SHARING),
                List.of(Fact.CHILD_DISTRESSED));
        assertThat(blocks.ofCode(ActionCode.REFER_CHILDRENS_SOCIAL_CARE)).as("read by no free fact").isEqualTo(ActionBlocks.NONE);
        assertThat(blocks.ofCode(ActionCode.REPORT_TO_IWF)).isEqualTo(blocks.of(ActionBlocks.Unit.of(Set.of(), Fact.SHARING)));
    }

    @Test
    void a_check_reading_two_actions_joins_their_blocks() {
        ActionBlocks.Unit both = ActionBlocks.Unit.of(Set.of(ActionCode.ISOLATE_DEVICE, ActionCode.OFFER_COUNSELLING));
        ActionBlocks blocks = new ActionBlocks(FREE, ROWS, List.of(both));
        assertThat(blocks.blocks()).hasSize(2);
        assertThat(blocks.of(both)).isEqualTo(blocks.ofCode(ActionCode.ISOLATE_DEVICE)).isEqualTo(blocks.ofCode(ActionCode.OFFER_COUNSELLING));
    }

    @Test
    void a_check_not_declared_that_reads_two_blocks_is_refused_rather_than_walked_wrong() {
        ActionBlocks blocks = new ActionBlocks(FREE, ROWS, List.of());
        assertThatThrownBy(() -> blocks.of(ActionBlocks.Unit.of(Set.of(ActionCode.ISOLATE_DEVICE), Fact.CHILD_DISTRESSED)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not declared");
    }

    private static RuleRow row(String id, Map<String, String> conditions, ActionCode gives) {
        return new RuleRow("test.xlsx", TableTemplate.ACTIONS, 2, id, id, conditions, gives.name(), "guidance");
    }
}
