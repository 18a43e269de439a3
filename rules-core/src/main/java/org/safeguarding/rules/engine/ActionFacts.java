package org.safeguarding.rules.engine;

import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Pathway;
import org.safeguarding.rules.tables.TableTemplate;

/**
 * What the Actions and Questions tables match: the facts plus the decided pathway, and whether a
 * criterion that needs the police is established ({@link TableTemplate#POLICE_CRITERIA}).
 */
public final class ActionFacts extends CaseFacts {
    private final Pathway pathway;
    private final Answer provisional;
    private final Answer policeCriterion;

    ActionFacts(FactVector facts, Pathway pathway, boolean provisional, Answer policeCriterion) {
        super(facts);
        this.pathway = pathway;
        this.provisional = provisional ? Answer.YES : Answer.NO;
        this.policeCriterion = policeCriterion;
    }

    /**
     * YES when any criterion that needs the police is true, NO when every one is false, and
     * otherwise UNKNOWN (one may still be true).
     */
    public static Answer policeCriterion(FactVector facts) {
        Answer answer = Answer.NO;
        for (Fact fact : TableTemplate.POLICE_CRITERIA) {
            Enum<?> value = facts.get(fact);
            if (value == Answer.YES) {
                return Answer.YES;
            }
            if (value != Answer.NO) {
                answer = Answer.UNKNOWN;
            }
        }
        return answer;
    }

    public Answer getPoliceCriterion() {
        return policeCriterion;
    }

    public Pathway getPathway() {
        return pathway;
    }

    public Answer getProvisional() {
        return provisional;
    }
}
