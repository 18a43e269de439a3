package org.safeguarding.rules.api;

import org.safeguarding.rules.DecisionEngine;

/** One bundled engine for the whole test run: building one proves the tables safe, which takes seconds. */
final class Engines {
    private static volatile DecisionEngine bundled;

    private Engines() {
    }

    static DecisionEngine bundled() {
        if (bundled == null) {
            synchronized (Engines.class) {
                if (bundled == null) {
                    bundled = DecisionEngine.bundled();
                }
            }
        }
        return bundled;
    }
}
