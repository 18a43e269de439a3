package org.safeguarding.rules.tables;

import org.safeguarding.rules.api.Workbook;
import java.util.List;
import java.util.Map;

import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Pathway;
import org.safeguarding.rules.api.Problem;

/**
 * Everything a rule set's workbooks say, read and checked against the template: the rule
 * rows of each table and the words of the texts sheets. The maps keep the sheets' row order,
 * which is the order actions and questions are listed in.
 *
 * @param policyRows    the setting's own stricter rules (Policy sheet), empty when it has none
 * @param actionTexts   action text per code, contact placeholders filled in, in urgency order
 * @param pathwayActionTexts texts that replace the general one on one pathway (e.g. REPORT_TO_POLICE
 *                      in an EMERGENCY, where the 999 call is the report)
 * @param provisionalActionTexts texts that replace the others on a pathway while the decision is
 *                      provisional (e.g. REFER_CHILDRENS_SOCIAL_CARE "unless the initial review rules out
 *                      every criterion")
 * @param questionTexts question per fact, in asking order
 * @param summaries     summary sentence per pathway and provisional flag
 * @param contactTemplates each action text that names a contact, as filled in, with the text as
 *                      written (more than one when texts naming different contacts read the same):
 *                      an organisation's own contacts are filled in from these, without the workbook
 * @param sha256        hash over every workbook's bytes, in name order
 * @param setupWarnings local settings still to be made, e.g. a Contacts value still holding its
 *                      "[number not set: ...]" placeholder; each names its cell
 * @param textCells     where each text stands in the workbook, by {@link TextCell} key; empty for
 *                      tables loaded from a saved index, whose texts were checked when it was saved
 * @param absentColumns for a sheet in an earlier layout, the condition columns (by input) it was
 *                      made without, e.g. Actions without threatToShare; empty for the current layout
 *                      and for tables loaded from a saved index, which was proven when it was saved
 */
public record RuleTables(List<Workbook> workbooks, List<RuleRow> pathwayRows, List<RuleRow> actionRows,
                         List<RuleRow> questionRows, List<RuleRow> policyRows, Map<ActionCode, String> actionTexts,
                         Map<Pathway, Map<ActionCode, String>> pathwayActionTexts,
                         Map<Pathway, Map<ActionCode, String>> provisionalActionTexts,
                         Map<Fact, QuestionText> questionTexts, Map<Pathway, Map<Boolean, String>> summaries,
                         Map<String, String> contacts, Map<String, List<String>> contactTemplates, String sha256, List<Problem> setupWarnings,
                         Map<String, TextCell> textCells, Map<String, java.util.Set<String>> absentColumns) {

    public RuleTables {
        policyRows = List.copyOf(policyRows);
        contactTemplates = Map.copyOf(contactTemplates);
        setupWarnings = List.copyOf(setupWarnings);
        textCells = Map.copyOf(textCells);
        absentColumns = Map.copyOf(absentColumns);
    }

    /** Whether the sheet has a condition column for this input (an earlier layout may not). */
    public boolean hasColumn(SheetTemplate sheet, String input) {
        return !absentColumns.getOrDefault(sheet.sheetName(), java.util.Set.of()).contains(input);
    }

    /**
     * Whether the workbook was made before this fact was added to the Questions sheet (a threat to
     * share, a social worker): it keeps deciding as it did, and is not asked to ask about the fact.
     * Not so for the staff column, which an old workbook must gain before it may decide (property 11).
     */
    public boolean predates(org.safeguarding.rules.api.Fact fact) {
        return TableTemplate.ADDED_FACTS.contains(fact.fieldName()) && !hasColumn(TableTemplate.QUESTIONS, fact.fieldName());
    }

    /**
     * Where the text of an action stands as {@link #actionText(ActionCode, Pathway, boolean)}
     * chooses it; empty when not known (tables loaded from a saved index).
     */
    public java.util.Optional<TextCell> actionTextCell(ActionCode code, Pathway pathway, boolean provisional) {
        TextCell cell = provisional ? textCells.get(TextCell.actionKey(code, pathway, true)) : null;
        if (cell == null) {
            cell = textCells.get(TextCell.actionKey(code, pathway, false));
        }
        return java.util.Optional.ofNullable(cell != null ? cell : textCells.get(TextCell.actionKey(code, null, false)));
    }

    public List<RuleRow> rows(SheetTemplate sheet) {
        if (sheet == TableTemplate.PATHWAY) {
            return pathwayRows;
        }
        if (sheet == TableTemplate.POLICY) {
            return policyRows;
        }
        return sheet == TableTemplate.ACTIONS ? actionRows : questionRows;
    }

    /** The text of an action on a pathway: the pathway's own wording if the Action texts sheet has one. */
    public String actionText(ActionCode code, Pathway pathway) {
        return actionText(code, pathway, false);
    }

    /**
     * The text of an action on a pathway, provisional or not: the most particular wording the
     * Action texts sheet has (for the pathway while provisional, then for the pathway, then any).
     */
    public String actionText(ActionCode code, Pathway pathway, boolean provisional) {
        String general = pathwayActionTexts.getOrDefault(pathway, Map.of()).getOrDefault(code, actionTexts.get(code));
        return provisional ? provisionalActionTexts.getOrDefault(pathway, Map.of()).getOrDefault(code, general) : general;
    }

    public String summary(Pathway pathway, boolean provisional) {
        return summaries.get(pathway).get(provisional);
    }
}
