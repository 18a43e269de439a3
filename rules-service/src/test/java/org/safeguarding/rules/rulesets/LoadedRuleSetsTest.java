package org.safeguarding.rules.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.rules.RuleSet;
import org.safeguarding.rules.store.FileRuleSetStore;

/** Issue 28: the rule sets kept in memory are bounded by the platform's cache (Caffeine), not a hand-built LRU. */
class LoadedRuleSetsTest {
    @TempDir
    Path folder;

    @Test
    void no_more_than_three_rule_sets_are_held_however_many_are_loaded() {
        LoadedRuleSets loaded = new LoadedRuleSets();
        RuleSet shipped = RuleSet.bundled();
        FileRuleSetStore store = new FileRuleSetStore(folder);
        for (int i = 0; i < 8; i++) {
            loaded.keep("%064d".formatted(i), shipped, store);
            assertThat(loaded.size()).as("held after %d kept", i + 1).isLessThanOrEqualTo(LoadedRuleSets.MAX_LOADED);
        }
        assertThat(loaded.size()).isEqualTo(LoadedRuleSets.MAX_LOADED);
    }
}
