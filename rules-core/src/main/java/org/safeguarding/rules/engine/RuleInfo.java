package org.safeguarding.rules.engine;

import org.safeguarding.rules.api.Action;
import org.safeguarding.rules.api.Pathway;
import org.safeguarding.rules.api.Reason;
import org.safeguarding.rules.tables.RuleRow;

/**
 * What a decision quotes about one rule row, worked out once per rule set.
 *
 * @param rank     position over all tables in row order (Pathway, Actions, Questions)
 * @param actions  the action the row gives, with its text and citation, for each pathway and provisional
 *                 flag (at {@code 2 * ordinal + (provisional ? 1 : 0)}: the text may be worded for them);
 *                 {@code null} outside Actions
 */
record RuleInfo(RuleRow row, int rank, Reason reason, Action[] actions) {

    Action action(Pathway pathway, boolean provisional) {
        return actions[slot(pathway, provisional)];
    }

    static int slot(Pathway pathway, boolean provisional) {
        return 2 * pathway.ordinal() + (provisional ? 1 : 0);
    }
}
