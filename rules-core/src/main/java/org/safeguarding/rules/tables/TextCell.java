package org.safeguarding.rules.tables;

import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Pathway;

/**
 * Where a text a lead wrote stands (workbook, sheet, cell), so a check of its words can name the
 * cell to change. Keys name the text: a summary, an action's wording (general, for a pathway, or
 * for a provisional decision on it) or a question.
 */
public record TextCell(String workbook, String sheet, String cell) {
    public static String summaryKey(Pathway pathway, boolean provisional) {
        return "summary " + pathway + (provisional ? " provisional" : "");
    }

    /** The key of the wording that {@link RuleTables#actionText} would choose for this action, pathway and flag. */
    public static String actionKey(ActionCode code, Pathway pathway, boolean provisional) {
        return "action " + code + (pathway == null ? "" : " " + pathway) + (provisional ? " provisional" : "");
    }

    public static String questionKey(Fact fact) {
        return "question " + fact.fieldName();
    }
}
