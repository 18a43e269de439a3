package org.safeguarding.rules.runtime;

import java.nio.file.Path;

import org.safeguarding.rules.DecisionEngine;
import org.safeguarding.rules.api.RuleSetException;

/** Builds from a workbook with Drools but not drools-mvel on the classpath, for {@link RuntimeWithoutBuildDependenciesTest}. */
public final class BuildWithoutMvel {
    private BuildWithoutMvel() {
    }

    public static void main(String[] args) throws Exception {
        try {
            DecisionEngine.fromPath(Path.of(args[0]));
            System.out.println("built from workbooks");
        } catch (RuleSetException e) {
            System.out.println("build refused: " + e.problems().get(0).message());
        }
    }
}
