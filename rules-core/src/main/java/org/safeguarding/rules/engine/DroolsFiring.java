package org.safeguarding.rules.engine;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.safeguarding.rules.tables.RuleTables;

/** The tables' rules fired in Drools sessions: the reference semantics the decision index is filled from. */
public final class DroolsFiring implements RuleFiring {
    private static final String OUT = "out";
    private static final int SESSIONS_PER_POOL = 4;
    /** Pooled sessions are reset and reused rather than built per firing: most of a firing's cost otherwise. */
    private final KieSessionsPool sessions;

    public DroolsFiring(KieBase base) {
        this.sessions = base.newKieSessionsPool(SESSIONS_PER_POOL);
    }

    /**
     * Compiles tables loaded from a saved index, for a caller that asked for Drools evaluation.
     *
     * @throws IllegalStateException when the build dependencies are not on the classpath, or the tables no longer compile
     */
    static RuleFiring compile(RuleTables tables) {
        BuildDependencies.require("Evaluating a rule set with Drools");
        RuleSetCompiler.Result compiled = RuleSetCompiler.compile(tables);
        if (compiled.base() == null) {
            throw new IllegalStateException("Tables loaded from a decision index no longer compile: " + compiled.problems());
        }
        return new DroolsFiring(compiled.base());
    }

    @Override
    public void fire(Object facts, Findings findings) {
        KieSession session = sessions.newKieSession();
        try {
            session.setGlobal(OUT, findings);
            session.insert(facts);
            session.fireAllRules();
        } finally {
            session.dispose();
        }
    }
}
