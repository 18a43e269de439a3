package org.safeguarding.rules.engine;

import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.Pathway;

/** What the Actions and Questions tables match: the facts plus the decided pathway. */
public final class ActionFacts extends CaseFacts {
    private final Pathway pathway;
    private final Answer provisional;

    ActionFacts(Enum<?>[] values, Pathway pathway, boolean provisional) {
        super(values);
        this.pathway = pathway;
        this.provisional = provisional ? Answer.YES : Answer.NO;
    }

    public Pathway getPathway() {
        return pathway;
    }

    public Answer getProvisional() {
        return provisional;
    }
}
