package org.safeguarding.rules.web;

/** The roles a caller's token can carry (its {@code groups} claim). */
final class Roles {
    /** Systems that ask for decisions and read the active rule set. */
    static final String DECISION_CLIENT = "decision-client";
    /** Safeguarding leads and operators who check, activate and roll back rule sets. */
    static final String RULES_ADMIN = "rules-admin";

    private Roles() {
    }
}
