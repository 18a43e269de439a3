package org.safeguarding.rules.engine;

import java.util.Optional;

/**
 * Whether the libraries that build rule sets from workbooks are on the classpath: Drools compiles
 * the rules and Apache POI reads the spreadsheets. Deciding with proven tables needs neither, so an
 * application that only decides leaves them out (artifact rules-core alone), and one that lets its
 * customers edit workbooks adds them (artifact rules-builder). Asked for without them, a build says
 * so in one sentence instead of failing on a missing class.
 */
public final class BuildDependencies {
    private static final String[][] NEEDED = {
            {"org.kie.internal.builder.KnowledgeBuilderFactory", "Drools (org.drools:drools-engine-classic and drools-mvel)"},
            // Without drools-mvel, Drools compiles nothing and says only "Rules compilation failed".
            {"org.drools.mvel.MVELDialectRuntimeData", "Drools (org.drools:drools-engine-classic and drools-mvel)"},
            {"org.apache.poi.xssf.usermodel.XSSFWorkbook", "Apache POI (org.apache.poi:poi-ooxml)"}};

    private BuildDependencies() {
    }

    /** What is missing, as a sentence that starts with {@code what}; empty when everything is there. */
    public static Optional<String> missing(String what) {
        for (String[] needed : NEEDED) {
            try {
                Class.forName(needed[0], false, BuildDependencies.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                return Optional.of(what + " needs " + needed[1] + " on the classpath: depend on org.safeguarding:rules-builder "
                        + "(docs/embedding.md). Deciding with proven tables (DecisionEngine.bundled(), or RuleSet.fromIndex with a saved index) does not.");
            }
        }
        return Optional.empty();
    }

    /** @throws IllegalStateException naming what is missing */
    public static void require(String what) {
        missing(what).ifPresent(message -> {
            throw new IllegalStateException(message);
        });
    }
}
