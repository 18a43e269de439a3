package org.safeguarding.rules.store;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

class FileStoreContractTest extends StoreContract {
    @TempDir
    Path root;

    @Override
    RuleSetStore newStore() {
        return new FileRuleSetStore(root);
    }

    @Override
    RuleSetStore sameStore() {
        return new FileRuleSetStore(root);
    }
}
