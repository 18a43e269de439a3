package org.safeguarding.rules.engine;

/**
 * Fires a rule set's rules over one fact object ({@link PathwayFacts} or {@link ActionFacts}),
 * recording what fired. Drools sits behind it ({@link DroolsFiring}), so a decider restored from
 * a saved index never links a Drools class: the runtime decides without Drools on the classpath.
 */
public interface RuleFiring {
    void fire(Object facts, Findings findings);
}
