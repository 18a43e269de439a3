package org.safeguarding.rules.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.safeguarding.rules.api.Action;
import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Pathway;
import org.safeguarding.rules.api.Question;
import org.safeguarding.rules.api.Reason;

/**
 * The second and third steps' answers put together from the rules that fired: one action per
 * code in the Action texts order, the questions in asking order, the reasons in table order.
 * With the index, each distinct set of rules that fire is assembled once and remembered (a
 * bounded memo: few distinct ones recur), so a decision only looks it up.
 */
final class OutcomeAssembly {
    private static final int MAX_REMEMBERED = 4_096;

    private final Map<String, RuleInfo> rules;
    private final RuleInfo[] byRank;
    private final ActionCode[] actionOrder;
    private final Question[] questionsInOrder;
    private final DecisionIndex index;
    private final PartMemo<Decider.ActionsPart> actionParts = new PartMemo<>(MAX_REMEMBERED);
    private final PartMemo<Decider.QuestionsPart> questionParts = new PartMemo<>(MAX_REMEMBERED);

    OutcomeAssembly(Map<String, RuleInfo> rules, RuleInfo[] byRank, ActionCode[] actionOrder, Question[] questionsInOrder,
                    DecisionIndex index) {
        this.rules = rules;
        this.byRank = byRank;
        this.actionOrder = actionOrder;
        this.questionsInOrder = questionsInOrder;
        this.index = index;
    }

    /** What the Actions table gives, from the index: assembled once per distinct set of rules that fire (and pathway). */
    Decider.ActionsPart indexedActions(int[] key, Pathway pathway, boolean provisional) {
        long mask = index.actionMask(key, pathway, provisional);
        if (mask < 0) {
            return firedActions(key, pathway, provisional);
        }
        long partKey = (mask << 3) | ((long) pathway.ordinal() << 1) | (provisional ? 1 : 0);
        Decider.ActionsPart part = actionParts.get(partKey);
        return part != null ? part : assembledActions(mask, partKey, pathway, provisional);
    }

    /*
     * The assembly on a memo miss is kept out of the lookups above, so the JIT inlines a lookup
     * into a decision whole and leaves this rare path as a call: inlined along with it, a decision
     * took a third longer (DecideBenchmark, docs/performance.md).
     */

    private Decider.ActionsPart firedActions(int[] key, Pathway pathway, boolean provisional) {
        Findings findings = new Findings(rules);
        index.fireActionRules(key, pathway, provisional, findings);
        return actionsPart(findings, pathway, provisional);
    }

    private Decider.ActionsPart assembledActions(long mask, long partKey, Pathway pathway, boolean provisional) {
        Findings findings = new Findings(rules);
        index.fireActionRules(mask, findings);
        Decider.ActionsPart part = actionsPart(findings, pathway, provisional);
        actionParts.put(partKey, part); // bounded: unusual combinations are assembled each time instead
        return part;
    }

    /** What the Questions table gives, from the index: assembled once per distinct set of rules that fire. */
    Decider.QuestionsPart indexedQuestions(int[] key) {
        long mask = index.questionMask(key);
        if (mask < 0) {
            return firedQuestions(key);
        }
        Decider.QuestionsPart part = questionParts.get(mask);
        return part != null ? part : assembledQuestions(mask);
    }

    private Decider.QuestionsPart firedQuestions(int[] key) {
        Findings findings = new Findings(rules);
        index.fireQuestionRules(key, findings);
        return questionsPart(findings);
    }

    private Decider.QuestionsPart assembledQuestions(long mask) {
        Findings findings = new Findings(rules);
        index.fireQuestionRules(mask, findings);
        Decider.QuestionsPart part = questionsPart(findings);
        questionParts.put(mask, part);
        return part;
    }

    Decider.ActionsPart actionsPart(Findings findings, Pathway pathway, boolean provisional) {
        return new Decider.ActionsPart(actionsOf(findings, pathway, provisional), inRankOrder(findings.actionRules));
    }

    Decider.QuestionsPart questionsPart(Findings findings) {
        return new Decider.QuestionsPart(questionsOf(findings), inRankOrder(findings.questionRules));
    }

    /** The served actions with every action the tables give on their own pathway added (internal-only ones aside). */
    Decider.ActionsPart keepTheTables(Decider.ActionsPart served, Decider.ActionsPart table) {
        List<Action> actions = new ArrayList<>(served.actions());
        for (Action action : table.actions()) {
            if (action.code() != ActionCode.HANDLE_WITHIN_ORGANISATION && action.code() != ActionCode.REQUEST_DELETION
                    && actions.stream().noneMatch(a -> a.code() == action.code())) {
                actions.add(action);
            }
        }
        actions.sort(Comparator.comparingInt(a -> orderOf(a.code())));
        Set<Reason> reasons = new LinkedHashSet<>(List.of(served.reasons()));
        for (Reason reason : table.reasons()) {
            String gives = rules.get(reason.rule()).row().outcome();
            if (!gives.equals(ActionCode.HANDLE_WITHIN_ORGANISATION.name()) && !gives.equals(ActionCode.REQUEST_DELETION.name())) {
                reasons.add(reason);
            }
        }
        Reason[] sorted = reasons.stream().sorted(Comparator.comparingInt(r -> rules.get(r.rule()).rank())).toArray(Reason[]::new);
        return new Decider.ActionsPart(List.copyOf(actions), sorted);
    }

    /** The actions the setting's policy adds, in their place in the Action texts order, its rows last among the reasons. */
    Decider.ActionsPart withPolicy(Decider.ActionsPart part, PolicyRules.Added added) {
        if (added.actions().isEmpty()) {
            return part;
        }
        List<Action> actions = new ArrayList<>(part.actions());
        actions.addAll(added.actions());
        actions.sort(Comparator.comparingInt(a -> orderOf(a.code())));
        Reason[] reasons = java.util.Arrays.copyOf(part.reasons(), part.reasons().length + added.reasons().size());
        int i = part.reasons().length;
        for (Reason reason : added.reasons()) {
            reasons[i++] = reason;
        }
        return new Decider.ActionsPart(List.copyOf(actions), reasons);
    }

    /** Where an action stands in the Action texts order. */
    private int orderOf(ActionCode code) {
        for (int i = 0; i < actionOrder.length; i++) {
            if (actionOrder[i] == code) {
                return i;
            }
        }
        return actionOrder.length;
    }

    private Reason[] inRankOrder(List<RuleInfo> fired) {
        boolean[] did = new boolean[byRank.length];
        fired.forEach(r -> did[r.rank()] = true);
        List<Reason> reasons = new ArrayList<>(fired.size());
        for (int rank = 0; rank < byRank.length; rank++) {
            if (did[rank]) {
                reasons.add(byRank[rank].reason());
            }
        }
        return reasons.toArray(Reason[]::new);
    }

    /** One action per code, cited from the topmost row that gave it, listed in the Action texts order. */
    private List<Action> actionsOf(Findings findings, Pathway pathway, boolean provisional) {
        Action[] byCode = new Action[ActionCode.values().length];
        int[] rankOf = new int[byCode.length];
        int count = 0;
        for (RuleInfo rule : findings.actionRules) {
            Action action = rule.action(pathway, provisional);
            int code = action.code().ordinal();
            if (byCode[code] == null) {
                count++;
            }
            if (byCode[code] == null || rule.rank() < rankOf[code]) {
                byCode[code] = action;
                rankOf[code] = rule.rank();
            }
        }
        Action[] ordered = new Action[count];
        int i = 0;
        for (ActionCode code : actionOrder) {
            if (byCode[code.ordinal()] != null) {
                ordered[i++] = byCode[code.ordinal()];
            }
        }
        return List.of(ordered);
    }

    private List<Question> questionsOf(Findings findings) {
        boolean[] asked = new boolean[Fact.values().length];
        for (String field : findings.questions) {
            asked[Fact.byFieldName(field).orElseThrow().ordinal()] = true;
        }
        List<Question> list = new ArrayList<>(findings.questions.size());
        for (Question question : questionsInOrder) {
            if (asked[question.code().ordinal()]) {
                list.add(question);
            }
        }
        return List.copyOf(list);
    }
}
