package org.safeguarding.rules.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.safeguarding.rules.api.Action;
import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Pathway;
import org.safeguarding.rules.api.SafetyFinding;
import org.safeguarding.rules.engine.FactVector;
import org.safeguarding.rules.engine.Decider;
import org.safeguarding.rules.tables.QuestionText;
import org.safeguarding.rules.tables.TextCell;

/**
 * Property 12, words agree with the decision, for every text shown with a decision: the summary
 * and action texts beside the actions served, and each question's words wherever it may be shown.
 * A service is named as certain only when an action involves it; parents are told only when they
 * are no risk and neither the LADO nor the police must agree what they hear; no text tells staff
 * to handle the imagery.
 */
final class WordsProperty {
    private static final Pathway[] PATHWAYS = Pathway.values();
    private static final List<ActionCode> PARENTS_MAY_NOT_BE_TOLD_WITH = List.of(ActionCode.REFER_LADO, ActionCode.REPORT_TO_POLICE,
            ActionCode.CALL_999);

    private final Proof proof;
    private final Map<String, TextWords> words = new HashMap<>();
    private final ActionBlocks.Unit[] wordsUnits = new ActionBlocks.Unit[ActionCode.values().length];
    private ActionBlocks.Unit summaryUnit;
    /** Questions shown somewhere whose words name a service or the parents: checked with the actions served beside them. */
    private final Set<Fact> questionsToWord = EnumSet.noneOf(Fact.class);
    private final Map<Fact, ActionBlocks.Unit> questionUnits = new EnumMap<>(Fact.class);
    /** Where each action's text stands, looked up once per code, pathway and flag: the checks ask millions of times. */
    @SuppressWarnings("unchecked")
    private final Optional<TextCell>[] textCells = new Optional[ActionCode.values().length * PATHWAYS.length * 2];

    WordsProperty(Proof proof) {
        this.proof = proof;
    }

    /**
     * The questions the Questions step shows: those whose words name nothing of the decision are
     * checked once here; the others wherever they may be shown, beside the actions served.
     */
    void questionsShown(Set<Fact> shown) {
        for (Fact fact : shown) {
            QuestionText text = proof.tables.questionTexts().get(fact);
            if (named(text.text()).isEmpty() && named(text.why()).isEmpty()) {
                checkQuestionText(fact, List.of(), false, FactVector.allUnknown());
            } else {
                questionsToWord.add(fact);
            }
        }
    }

    /** What each text's words read of the decision (see {@link ActionBlocks}): the actions that show it and those it names. */
    List<ActionBlocks.Unit> units() {
        List<ActionBlocks.Unit> units = new ArrayList<>();
        Set<ActionCode> summaryNames = EnumSet.noneOf(ActionCode.class);
        for (Pathway pathway : PATHWAYS) {
            for (boolean provisional : new boolean[] {false, true}) {
                summaryNames.addAll(named(proof.tables.summary(pathway, provisional)));
                for (ActionCode code : ActionCode.values()) {
                    Set<ActionCode> codes = EnumSet.of(code);
                    codes.addAll(named(proof.tables.actionText(code, pathway, provisional)));
                    wordsUnits[code.ordinal()] = wordsUnits[code.ordinal()] == null ? ActionBlocks.Unit.of(codes, Fact.PARENTAL_RISK)
                            : ActionBlocks.Unit.of(union(wordsUnits[code.ordinal()].codes(), codes), Fact.PARENTAL_RISK);
                }
            }
        }
        summaryUnit = ActionBlocks.Unit.of(summaryNames, Fact.PARENTAL_RISK);
        units.add(summaryUnit);
        units.addAll(List.of(wordsUnits));
        for (Fact fact : questionsToWord) {
            QuestionText text = proof.tables.questionTexts().get(fact);
            questionUnits.put(fact, ActionBlocks.Unit.of(union(named(text.text()), named(text.why())), fact, Fact.PARENTAL_RISK));
        }
        units.addAll(questionUnits.values());
        return units;
    }

    /** The summary and the text of each action served, beside those actions. */
    void checkServed(FactVector values, Decider.PathwayStep step, Decider.ActionsPart served, Map<String, String> context) {
        List<ActionCode> actions = served.actionCodes();
        boolean parentsMayBeTold = Proof.parentsMayBeTold(values, actions);
        if (proof.inPass(summaryUnit)) {
            checkText("The summary", proof.tables.summary(step.pathway(), step.provisional()),
                    Optional.ofNullable(proof.tables.textCells().get(TextCell.summaryKey(step.pathway(), step.provisional()))),
                    actions, parentsMayBeTold, values, context);
        }
        for (Action action : served.actions()) {
            if (proof.inPass(wordsUnits[action.code().ordinal()])) {
                checkText("The text of " + action.code(), action.text(), actionTextCell(action.code(), step.pathway(), step.provisional()),
                        actions, parentsMayBeTold, values, context);
            }
        }
    }

    /**
     * The questions whose words name a service or the parents: wherever the question may be shown
     * (its fact not yet known), beside the actions served. Outside the memo of checks, which does
     * not know which facts are unknown.
     */
    void checkQuestions(FactVector values, List<ActionCode> actions, Map<Fact, Set<Enum<?>>> read) {
        for (Map.Entry<Fact, ActionBlocks.Unit> entry : questionUnits.entrySet()) {
            Fact fact = entry.getKey();
            Enum<?> value = values.get(fact);
            boolean mayBeUnknown = value == fact.unknown() || !read.get(fact).contains(value) && !read.get(fact).contains(fact.unknown());
            if (mayBeUnknown && proof.inPass(entry.getValue())) {
                FactVector example = values.copy();
                example.set(fact, fact.unknown());
                checkQuestionText(fact, actions, Proof.parentsMayBeTold(values, actions), example);
            }
        }
    }

    /** The actions whose presence a text's words depend on: those of the services it names, and those that decide whether parents may be told. */
    Set<ActionCode> named(String text) {
        TextWords said = words(text == null ? "" : text); // an action a workbook made before it has no text
        Set<ActionCode> codes = EnumSet.noneOf(ActionCode.class);
        said.services().forEach(service -> codes.addAll(service.involvedBy));
        if (said.tellsParents()) {
            codes.addAll(PARENTS_MAY_NOT_BE_TOLD_WITH);
        }
        return codes;
    }

    private void checkQuestionText(Fact fact, List<ActionCode> actions, boolean parents, FactVector example) {
        QuestionText text = proof.tables.questionTexts().get(fact);
        Optional<TextCell> cell = Optional.ofNullable(proof.tables.textCells().get(TextCell.questionKey(fact)));
        checkText("The question about " + fact.fieldName(), text.text(), cell, actions, parents, example, Map.of());
        checkText("Why the question about " + fact.fieldName() + " matters", text.why(),
                cell.map(c -> new TextCell(c.workbook(), c.sheet(), "C" + c.cell().substring(1))), actions, parents, example, Map.of());
    }

    private void checkText(String what, String text, Optional<TextCell> cell, List<ActionCode> actions, boolean parentsMayBeTold,
                           FactVector values, Map<String, String> context) {
        TextWords said = words(text);
        for (TextWords.Service service : said.services()) {
            if (!service.involvedIn(actions)) {
                report(what + " (\"" + text + "\") names " + service.words + " as certain, but no action of this decision involves "
                        + service.words + ". Name only the services this decision's actions include, or say when they apply (\"if ...\").",
                        values, context, cell);
            }
        }
        if (said.tellsParents() && !parentsMayBeTold) {
            report(what + " (\"" + text + "\") tells staff to tell the parents or carers, but here that is not yet safe: either "
                    + "telling them is not ruled out as a risk, or the LADO or the police must first agree what they are told. Say that condition.",
                    values, context, cell);
        }
        if (said.handlesImagery()) {
            report(what + " (\"" + text + "\") tells staff to view, copy, save, send or delete the imagery: staff never handle it.",
                    values, context, cell);
        }
    }

    private void report(String message, FactVector values, Map<String, String> context, Optional<TextCell> cell) {
        proof.findings.of(SafetyProperty.WORDS_AGREE, message, values, context, () -> cell.map(c -> List.of(
                new SafetyFinding.RuleLocation(c.workbook(), c.sheet(), Integer.parseInt(c.cell().replaceAll("[A-Z]", "")), c.cell())))
                .orElse(List.of()));
    }

    private TextWords words(String text) {
        return words.computeIfAbsent(text, TextWords::of);
    }

    private Optional<TextCell> actionTextCell(ActionCode code, Pathway pathway, boolean provisional) {
        int slot = (code.ordinal() * PATHWAYS.length + pathway.ordinal()) * 2 + (provisional ? 1 : 0);
        Optional<TextCell> cell = textCells[slot];
        if (cell == null) {
            cell = proof.tables.actionTextCell(code, pathway, provisional);
            textCells[slot] = cell;
        }
        return cell;
    }

    private static Set<ActionCode> union(Set<ActionCode> a, Set<ActionCode> b) {
        Set<ActionCode> union = EnumSet.noneOf(ActionCode.class);
        union.addAll(a);
        union.addAll(b);
        return union;
    }
}
