package org.safeguarding.rules.engine;

/**
 * What the Pathway table matches. A separate type from {@link ActionFacts}, so each table's
 * conditions are written against exactly the inputs of its phase.
 */
public final class PathwayFacts extends CaseFacts {
    PathwayFacts(FactVector facts) {
        super(facts);
    }
}
