package org.safeguarding.rules.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.safeguarding.rules.api.Action;
import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Pathway;
import org.safeguarding.rules.api.Question;
import org.safeguarding.rules.api.Reason;
import org.safeguarding.rules.api.Recommendation;
import org.safeguarding.rules.api.RuleSetInfo;
import org.safeguarding.rules.api.RuleSetVersion;
import org.safeguarding.rules.api.Warning;
import org.safeguarding.rules.api.Evaluation;
import org.safeguarding.rules.tables.RuleRow;
import org.safeguarding.rules.tables.RuleTables;
import org.safeguarding.rules.tables.TableTemplate;

/**
 * Makes decisions with one compiled rule set. Immutable after construction and shared by all
 * threads: a decision reads the {@link DecisionIndex} (or, evaluated with Drools, runs in a pooled
 * session of its own). Everything a recommendation quotes (texts, citations, order) is worked out
 * here once, so a decision only looks it up.
 */
public final class Decider {
    /** Drools, made only when first needed: a rule set loaded from its index file never compiles (nor loads Drools). */
    private final Supplier<RuleFiring> firing;
    private final RuleTables tables;
    private final RuleSetVersion version;
    private final Map<String, RuleInfo> rules = new HashMap<>();
    private final RuleInfo[] byRank;
    private final ActionCode[] actionOrder;
    private final Question[] questionsInOrder;
    private final Action emergency;
    /** Drools' answers for every rule's inputs; {@code null} past the index's limits. */
    private final DecisionIndex index;
    private final Evaluation evaluation;
    /** The setting's own stricter rules (Policy sheet), applied after the tables in either evaluation. */
    private final PolicyRules policy;
    /**
     * With the index: the Pathway table's answer for every combination of its facts (pathway,
     * provisional and reasons, already ordered), as a number into the list of distinct answers.
     */
    private final PathwayTable pathwayTable;
    /** The Actions table's assembled answers, by which of its rules fired and the pathway: few distinct ones recur. */
    private final Map<Long, ActionsPart> actionParts;
    /** The Questions table's assembled answers, by which of its rules fired. */
    private final Map<Long, QuestionsPart> questionParts;
    private final ReasonLists reasonLists = new ReasonLists();
    private static final int[] PATHWAY_WEIGHTS = pathwayWeights();
    private static final int MAX_OUTCOME_PARTS = 4_096;

    /** A pathway, whether it is provisional, and the rows given as its reasons (table order). */
    public record PathwayPart(Pathway pathway, boolean provisional, Reason[] reasons) {
    }

    /**
     * The first step of every decision: what the Pathway table gives ({@code table}) and what is
     * served once the setting's policy has been applied ({@code served}; the same object when the
     * policy changes nothing).
     */
    public record PathwayStep(PathwayPart table, PathwayPart served) {
        public Pathway pathway() {
            return served.pathway();
        }

        public boolean provisional() {
            return served.provisional();
        }
    }

    /** The Pathway table's distinct answers, and which one each combination of its facts gets (saved with the index). */
    record PathwayTable(int[] partOf, PathwayPart[] parts) {
    }

    /** What the Actions table (and the setting's policy) give: the actions in order, and the rows given as reasons. */
    public record ActionsPart(List<Action> actions, Reason[] reasons) {
        /** The action codes, in order. */
        public List<ActionCode> actionCodes() {
            List<ActionCode> codes = new ArrayList<>(actions.size());
            actions.forEach(a -> codes.add(a.code()));
            return codes;
        }
    }

    /** What the Questions table gives: the questions in asking order, and the rows given as reasons. It reads facts only. */
    public record QuestionsPart(List<Question> questions, Reason[] reasons) {
    }

    /** The second and third steps of a decision together, as the analysis and the impact diff read them. */
    public record OutcomePart(ActionsPart actionsPart, QuestionsPart questionsPart) {
        public List<Action> actions() {
            return actionsPart.actions();
        }

        public List<Question> questions() {
            return questionsPart.questions();
        }

        public List<ActionCode> actionCodes() {
            return actionsPart.actionCodes();
        }

        /** The Actions (and Policy) rows, then the Questions rows. */
        public Reason[] reasons() {
            Reason[] all = Arrays.copyOf(actionsPart.reasons(), actionsPart.reasons().length + questionsPart.reasons().length);
            System.arraycopy(questionsPart.reasons(), 0, all, actionsPart.reasons().length, questionsPart.reasons().length);
            return all;
        }
    }

    /** A decider on compiled tables; its index is filled in by firing their rules (Drools) over every rule's inputs. */
    public Decider(RuleTables tables, RuleFiring rules) {
        this(tables, () -> rules, null, null);
    }

    /**
     * A decider on tables and index bits saved by {@link DecisionIndexFile}; empty when the bits do
     * not fit the tables. Drools compiles the tables only if a decision is asked of it.
     */
    static Optional<Decider> restore(RuleTables tables, List<long[]> fires, PathwayTable pathways) {
        Decider decider = new Decider(tables, () -> DroolsFiring.compile(tables), fires, pathways);
        return decider.index == null || decider.pathwayTable == null ? Optional.empty() : Optional.of(decider);
    }

    private Decider(RuleTables tables, Supplier<RuleFiring> firing, List<long[]> savedIndex, PathwayTable savedPathways) {
        this.tables = tables;
        this.firing = memoized(firing);
        this.version = new RuleSetVersion(tables.sha256().substring(0, 12), tables.sha256());
        this.actionOrder = tables.actionTexts().keySet().toArray(ActionCode[]::new);
        this.questionsInOrder = tables.questionTexts().entrySet().stream()
                .map(e -> new Question(e.getKey(), e.getValue().text(), e.getValue().why())).toArray(Question[]::new);
        List<RuleInfo> ranked = new ArrayList<>();
        for (List<RuleRow> table : List.of(tables.pathwayRows(), tables.actionRows(), tables.questionRows())) {
            for (RuleRow row : table) {
                Action[] actions = null;
                if (row.sheet() == TableTemplate.ACTIONS) {
                    ActionCode code = ActionCode.valueOf(row.outcome());
                    actions = new Action[2 * Pathway.values().length];
                    for (Pathway pathway : Pathway.values()) {
                        for (boolean provisional : new boolean[] {false, true}) {
                            actions[RuleInfo.slot(pathway, provisional)] = new Action(code, tables.actionText(code, pathway, provisional),
                                    row.guidance());
                        }
                    }
                }
                RuleInfo info = new RuleInfo(row, ranked.size(),
                        new Reason(row.id(), row.sheet().sheetName(), row.description(), row.guidance()), actions);
                ranked.add(info);
                rules.put(row.id(), info);
            }
        }
        this.byRank = ranked.toArray(RuleInfo[]::new);
        this.policy = new PolicyRules(tables, ranked.size());
        this.emergency = ranked.stream().filter(r -> r.actions() != null).map(r -> r.action(Pathway.EMERGENCY, false))
                .filter(a -> a.code() == ActionCode.CALL_999).findFirst()
                .orElse(new Action(ActionCode.CALL_999, tables.actionText(ActionCode.CALL_999, Pathway.EMERGENCY), ""));
        this.index = savedIndex != null ? DecisionIndex.restore(tables, rules, savedIndex).orElse(null)
                : DecisionIndex.build(tables, rules, values -> droolsPathway(values).rules(), (values, decided) -> {
                    ActionResult fired = droolsActions(values, Pathway.values()[decided[0]], decided[1] == 1, Answer.values()[decided[2]]);
                    List<String> ids = new ArrayList<>(fired.actionRules());
                    ids.addAll(fired.questionRules());
                    return ids;
                });
        this.evaluation = index != null ? Evaluation.INDEX : Evaluation.DROOLS;
        this.actionParts = new java.util.concurrent.ConcurrentHashMap<>();
        this.questionParts = new java.util.concurrent.ConcurrentHashMap<>();
        this.pathwayTable = index == null ? null : savedPathways != null ? resolved(savedPathways) : pathwayTable();
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T result = value;
                if (result == null) {
                    synchronized (this) {
                        if (value == null) {
                            value = supplier.get();
                        }
                        result = value;
                    }
                }
                return result;
            }
        };
    }

    DecisionIndex index() {
        return index;
    }

    PathwayTable pathwayTableToSave() {
        return pathwayTable;
    }

    /**
     * A saved pathway table with each reason (saved by rule ID only) replaced by this rule set's
     * own; {@code null} when it does not fit these tables.
     */
    private PathwayTable resolved(PathwayTable saved) {
        if (saved.partOf().length != pathwayCombinations()) {
            return null;
        }
        for (int part : saved.partOf()) {
            if (part < 0 || part >= saved.parts().length) {
                return null;
            }
        }
        PathwayPart[] parts = new PathwayPart[saved.parts().length];
        for (int i = 0; i < parts.length; i++) {
            PathwayPart part = saved.parts()[i];
            Reason[] reasons = new Reason[part.reasons().length];
            for (int r = 0; r < reasons.length; r++) {
                RuleInfo rule = rules.get(part.reasons()[r].rule());
                if (rule == null || rule.row().sheet() != TableTemplate.PATHWAY) {
                    return null;
                }
                reasons[r] = rule.reason();
            }
            parts[i] = new PathwayPart(part.pathway(), part.provisional(), reasons);
        }
        return new PathwayTable(saved.partOf(), parts);
    }

    private static int pathwayCombinations() {
        int size = 1;
        for (Fact fact : TableTemplate.PATHWAY_FACTS) {
            size *= fact.domain().size();
        }
        return size;
    }

    private static int[] pathwayWeights() {
        int[] weights = new int[Fact.values().length];
        int weight = 1;
        for (Fact fact : TableTemplate.PATHWAY_FACTS) {
            weights[fact.ordinal()] = weight;
            weight *= fact.domain().size();
        }
        return weights;
    }

    /** The Pathway table's answer for every combination of its facts, from the index's bits. */
    private PathwayTable pathwayTable() {
        List<PathwayPart> parts = new ArrayList<>();
        int size = pathwayCombinations();
        int[] partOf = new int[size];
        Map<Object, Integer> seen = new HashMap<>();
        Map<String, Integer> bitOf = new HashMap<>();
        for (RuleRow row : tables.pathwayRows()) {
            bitOf.put(row.id(), bitOf.size());
        }
        Enum<?>[] values = new Enum<?>[Fact.values().length];
        for (Fact fact : Fact.values()) {
            values[fact.ordinal()] = fact.unknown();
        }
        for (int k = 0; k < size; k++) {
            int rest = k;
            for (Fact fact : TableTemplate.PATHWAY_FACTS) {
                values[fact.ordinal()] = fact.domain().get(rest % fact.domain().size());
                rest /= fact.domain().size();
            }
            int[] key = DecisionIndex.key(values);
            Findings findings = new Findings(rules);
            index.firePathwayRules(key, findings);
            PathwayResult result = pathwayResult(values, findings);
            Object answer = answerKey(result, bitOf);
            Integer id = seen.get(answer);
            if (id == null) {
                id = parts.size();
                seen.put(answer, id);
                Reason[] reasons = result.pathway() == null ? new Reason[0]
                        : pathwayReasons(findings, result.pathway()).stream().map(RuleInfo::reason).toArray(Reason[]::new);
                parts.add(new PathwayPart(result.pathway(), result.provisional(), reasons));
            }
            partOf[k] = id;
        }
        return new PathwayTable(partOf, parts.toArray(PathwayPart[]::new));
    }

    /** A compact key for a Pathway answer while the distinct answers are gathered: a long when the rules fit in one. */
    private static Object answerKey(PathwayResult result, Map<String, Integer> bitOf) {
        if (bitOf.size() > 60) {
            return List.of(String.valueOf(result.pathway()), result.provisional(), result.reasons());
        }
        long key = result.pathway() == null ? 7 : result.pathway().ordinal() * 2L + (result.provisional() ? 1 : 0);
        for (String reason : result.reasons()) {
            key |= 1L << (3 + bitOf.get(reason));
        }
        return key;
    }

    private PathwayPart pathwayPart(Enum<?>[] values) {
        int key = 0;
        for (Fact fact : TableTemplate.PATHWAY_FACTS) {
            key += values[fact.ordinal()].ordinal() * PATHWAY_WEIGHTS[fact.ordinal()];
        }
        return pathwayTable.parts()[pathwayTable.partOf()[key]];
    }

    /** What the Actions table gives, assembled once per distinct set of rules that fire (and pathway). */
    private ActionsPart indexedActions(int[] key, Pathway pathway, boolean provisional) {
        long mask = index.actionMask(key, pathway, provisional);
        if (mask < 0) {
            Findings findings = new Findings(rules);
            index.fireActionRules(key, pathway, provisional, findings);
            return actionsPart(findings, pathway, provisional);
        }
        long partKey = (mask << 3) | ((long) pathway.ordinal() << 1) | (provisional ? 1 : 0);
        ActionsPart part = actionParts.get(partKey);
        if (part == null) {
            Findings findings = new Findings(rules);
            index.fireActionRules(mask, findings);
            part = actionsPart(findings, pathway, provisional);
            if (actionParts.size() < MAX_OUTCOME_PARTS) {
                actionParts.put(partKey, part); // bounded: unusual combinations are assembled each time instead
            }
        }
        return part;
    }

    /** What the Questions table gives, assembled once per distinct set of rules that fire. */
    private QuestionsPart indexedQuestions(int[] key) {
        long mask = index.questionMask(key);
        if (mask < 0) {
            Findings findings = new Findings(rules);
            index.fireQuestionRules(key, findings);
            return questionsPart(findings);
        }
        QuestionsPart part = questionParts.get(mask);
        if (part == null) {
            Findings findings = new Findings(rules);
            index.fireQuestionRules(mask, findings);
            part = questionsPart(findings);
            if (questionParts.size() < MAX_OUTCOME_PARTS) {
                questionParts.put(mask, part);
            }
        }
        return part;
    }

    private ActionsPart actionsPart(Findings findings, Pathway pathway, boolean provisional) {
        return new ActionsPart(actionsOf(findings, pathway, provisional), inRankOrder(findings.actionRules));
    }

    private QuestionsPart questionsPart(Findings findings) {
        return new QuestionsPart(questionsOf(findings), inRankOrder(findings.questionRules));
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

    /** The same rule set, evaluated the other way: everything but the evaluation is shared. */
    private Decider(Decider other, Evaluation evaluation) {
        this.firing = other.firing;
        this.tables = other.tables;
        this.version = other.version;
        this.rules.putAll(other.rules);
        this.byRank = other.byRank;
        this.actionOrder = other.actionOrder;
        this.questionsInOrder = other.questionsInOrder;
        this.emergency = other.emergency;
        this.policy = other.policy;
        this.index = other.index;
        this.evaluation = index == null ? Evaluation.DROOLS : evaluation;
        this.pathwayTable = other.pathwayTable;
        this.actionParts = other.actionParts;
        this.questionParts = other.questionParts;
    }

    /**
     * This rule set evaluated from the index (the default, when it could be built) or in Drools
     * sessions (the reference semantics; the index is built from them).
     */
    public Decider withEvaluation(Evaluation evaluation) {
        return evaluation == this.evaluation ? this : new Decider(this, evaluation);
    }

    public Evaluation evaluation() {
        return evaluation;
    }

    public RuleTables tables() {
        return tables;
    }

    public RuleSetVersion version() {
        return version;
    }

    /** The rule set described for callers: version, when it was loaded, tables and rule counts. */
    public RuleSetInfo info(Instant loadedAt) {
        List<RuleSetInfo.Table> counts = new ArrayList<>(TableTemplate.RULE_SHEETS.stream()
                .map(sheet -> new RuleSetInfo.Table(sheet.sheetName(), tables.rows(sheet).get(0).workbook(), tables.rows(sheet).size()))
                .toList());
        if (!tables.policyRows().isEmpty()) {
            counts.add(new RuleSetInfo.Table(TableTemplate.POLICY.sheetName(), tables.policyRows().get(0).workbook(), tables.policyRows().size()));
        }
        return new RuleSetInfo(version.version(), version.sha256(), loadedAt, counts, tables.setupWarnings());
    }

    /**
     * What the Pathway table gives for some facts: the pathway ({@code null} if no rule fired),
     * every rule that fired, and those of them a decision gives as its reasons.
     */
    record PathwayResult(Pathway pathway, boolean provisional, List<String> rules, List<String> reasons) {
    }

    /** What the Actions and Questions tables give, as the decision index is filled in from Drools. */
    record ActionResult(List<ActionCode> actions, List<String> actionRules, List<String> questions,
                               List<String> questionRules) {
    }

    /** The facts of an incident as the tables read them, indexed by {@link Fact#ordinal()}. */
    public static Enum<?>[] values(Incident incident) {
        Enum<?>[] values = new Enum<?>[Fact.values().length];
        for (Fact fact : Fact.values()) {
            values[fact.ordinal()] = incident.value(fact);
        }
        return values;
    }

    /**
     * Every Pathway and Policy row that matches these facts, those that win and those overruled:
     * to explain a safety finding and to find rows that never apply, never to decide.
     */
    public List<String> matchingPathwayRules(Enum<?>[] values, int youngest) {
        List<String> fired;
        if (evaluation == Evaluation.INDEX) {
            Findings findings = new Findings(rules);
            index.firePathwayRules(DecisionIndex.key(values), findings);
            fired = new ArrayList<>(ids(findings.pathwayRules));
        } else {
            fired = new ArrayList<>(droolsPathway(values).rules());
        }
        fired.addAll(policy.matching(values, youngest));
        return fired;
    }

    /** The ages at which the Policy sheet's answer can differ, one per band, with {@code Integer.MAX_VALUE} for none known. */
    public List<Integer> policyAges() {
        return policy.representativeAges();
    }

    private PathwayResult pathwayResult(Enum<?>[] values, Findings findings) {
        Pathway pathway = pathwayOf(findings);
        return new PathwayResult(pathway, pathway != null && provisional(values, pathway, findings), ids(findings.pathwayRules),
                pathway == null ? List.of() : ids(pathwayReasons(findings, pathway)));
    }

    private PathwayResult droolsPathway(Enum<?>[] values) {
        return pathwayResult(values, runPathway(values));
    }

    private static ActionResult actionResult(Findings findings) {
        return new ActionResult(List.copyOf(findings.actions), ids(findings.actionRules),
                List.copyOf(findings.questions), ids(findings.questionRules));
    }

    private ActionResult droolsActions(Enum<?>[] values, Pathway pathway, boolean provisional, Answer policeCriterion) {
        Findings findings = new Findings(rules);
        firing.get().fire(new ActionFacts(values, pathway, provisional, policeCriterion), findings);
        return actionResult(findings);
    }

    /**
     * The Pathway table's rules match {@link PathwayFacts}; the other tables' rules match
     * {@link ActionFacts}, fired in a session of their own once the pathway is known, so each step
     * starts from nothing.
     */
    private Findings runPathway(Enum<?>[] values) {
        Findings findings = new Findings(rules);
        firing.get().fire(new PathwayFacts(values), findings);
        return findings;
    }

    private static Pathway pathwayOf(Findings findings) {
        Pathway pathway = null;
        for (Pathway fired : findings.pathways) {
            if (pathway == null || fired.isMoreSevereThan(pathway)) {
                pathway = fired;
            }
        }
        return pathway;
    }

    /**
     * Whether answering the unknown facts could change the pathway (decision model section 2):
     * immediate danger unknown, an escalation resting only on rows that match unknowns, or
     * handling internally while a fact the Pathway table reads is still unknown. The analyser
     * checks this against the definition itself over every combination of facts.
     */
    private static boolean provisional(Enum<?>[] values, Pathway pathway, Findings findings) {
        if (values[Fact.IMMEDIATE_DANGER.ordinal()] == Answer.UNKNOWN) {
            return true;
        }
        return switch (pathway) {
            case EMERGENCY -> false;
            case ESCALATE -> {
                for (int i = 0; i < findings.pathwayRules.size(); i++) {
                    if (findings.pathways.get(i) == Pathway.ESCALATE && !findings.pathwayRules.get(i).row().readsUnknown()) {
                        yield false;
                    }
                }
                yield true;
            }
            case HANDLE_INTERNALLY -> {
                for (Fact fact : TableTemplate.PATHWAY_FACTS) {
                    if (values[fact.ordinal()] == fact.unknown()) {
                        yield true;
                    }
                }
                yield false;
            }
        };
    }

    /**
     * A decision, in the steps the safety analysis proves one by one over their whole domain:
     * the facts derived from the people listed, {@link #pathwayStep}, {@link #actionsStep},
     * {@link #questionsStep}, and the words put together around them. There is no other way this
     * class decides.
     */
    public Recommendation decide(Incident incident) {
        FactDerivation.Derivation derivation = FactDerivation.derive(incident);
        Enum<?>[] values = values(incident);
        derivation.derived().forEach((fact, value) -> values[fact.ordinal()] = value);
        int youngest = policy.isEmpty() ? PolicyRules.AGE_UNKNOWN : PolicyRules.youngest(incident.people());
        PathwayStep step = pathwayStep(values, youngest);
        // One key for both steps: the Questions rules read no pathway, so the Actions step may set it.
        int[] key = index == null ? null : DecisionIndex.key(values);
        ActionsPart actions = actionsStep(values, key, youngest, step);
        QuestionsPart questions = questionsStep(values, key);
        PathwayPart decided = step.served();
        List<Warning> warnings = derivation.warnings();
        if (!policy.isEmpty()) {
            Optional<Warning> age = policy.ageWarning(values, youngest);
            if (age.isPresent()) {
                warnings = new ArrayList<>(warnings);
                warnings.add(age.get());
            }
        }
        List<Reason> reasons = reasonLists.of(decided.reasons(), actions.reasons(), questions.reasons());
        return new Recommendation(decisionId(), incident.reference(), decided.pathway(), decided.provisional(),
                tables.summary(decided.pathway(), decided.provisional()), actions.actions(), questions.questions(), reasons,
                derivation.derived(), warnings, version);
    }

    /**
     * Step one of a decision: the Pathway table's answer for these facts (from the precomputed
     * table, or a Drools session), then the setting's policy for the youngest child's age.
     *
     * @throws IllegalStateException when no Pathway rule matches (never, for proven tables)
     */
    public PathwayStep pathwayStep(Enum<?>[] values, int youngest) {
        PathwayPart table;
        if (evaluation == Evaluation.INDEX) {
            table = pathwayPart(values);
        } else {
            Findings findings = runPathway(values);
            Pathway pathway = decidedPathway(findings);
            table = new PathwayPart(pathway, provisional(values, pathway, findings),
                    pathwayReasons(findings, pathway).stream().map(RuleInfo::reason).toArray(Reason[]::new));
        }
        if (table.pathway() == null) {
            throw new IllegalStateException("no Pathway rule matched; the rule set was not analysed");
        }
        return new PathwayStep(table, policy.apply(table, values, youngest));
    }

    /** Steps two and three together: a whole outcome, for comparing two rule sets or two evaluations. */
    public OutcomePart outcomeStep(Enum<?>[] values, int youngest, PathwayStep step) {
        return new OutcomePart(actionsStep(values, youngest, step), questionsStep(values));
    }

    /**
     * Step two of a decision: what the Actions table gives on the served pathway (from the memo
     * of assembled answers, or a Drools session), and the policy's added actions. A policy only
     * adds: when it changed the pathway or the provisional flag, whatever the Actions table gives
     * on the tables' own pathway is kept too (but for the internal-only actions, which never go
     * with a referral), so a stricter policy never takes advice away.
     */
    public ActionsPart actionsStep(Enum<?>[] values, int youngest, PathwayStep step) {
        return actionsStep(values, index == null ? null : DecisionIndex.key(values), youngest, step);
    }

    private ActionsPart actionsStep(Enum<?>[] values, int[] key, int youngest, PathwayStep step) {
        PathwayPart served = step.served();
        ActionsPart part = tablesActions(values, key, served.pathway(), served.provisional());
        if (step.table() != served) {
            part = keepTheTables(part, tablesActions(values, key, step.table().pathway(), step.table().provisional()));
        }
        PolicyRules.Added added = policy.additions(values, youngest, served.pathway(), served.provisional(), part.actions());
        if (added.actions().isEmpty()) {
            return part;
        }
        List<Action> actions = new ArrayList<>(part.actions());
        actions.addAll(added.actions());
        actions.sort(Comparator.comparingInt(a -> orderOf(a.code())));
        Reason[] reasons = Arrays.copyOf(part.reasons(), part.reasons().length + added.reasons().size());
        int i = part.reasons().length;
        for (Reason reason : added.reasons()) {
            reasons[i++] = reason;
        }
        return new ActionsPart(List.copyOf(actions), reasons);
    }

    /** Step three of a decision: the questions still to answer, from the facts alone (the memo, or a Drools session). */
    public QuestionsPart questionsStep(Enum<?>[] values) {
        return questionsStep(values, index == null ? null : DecisionIndex.key(values));
    }

    private QuestionsPart questionsStep(Enum<?>[] values, int[] key) {
        if (evaluation == Evaluation.INDEX) {
            return indexedQuestions(key);
        }
        return questionsPart(droolsOutcome(values, Pathway.ESCALATE, false)); // the Questions rules read no pathway
    }

    private ActionsPart tablesActions(Enum<?>[] values, int[] key, Pathway pathway, boolean provisional) {
        if (evaluation == Evaluation.INDEX) {
            return indexedActions(key, pathway, provisional);
        }
        return actionsPart(droolsOutcome(values, pathway, provisional), pathway, provisional);
    }

    private Findings droolsOutcome(Enum<?>[] values, Pathway pathway, boolean provisional) {
        Findings findings = new Findings(rules);
        firing.get().fire(new ActionFacts(values, pathway, provisional, ActionFacts.policeCriterion(values)), findings);
        return findings;
    }

    /** The served actions with every action the tables give on their own pathway added (internal-only ones aside). */
    private ActionsPart keepTheTables(ActionsPart served, ActionsPart table) {
        List<Action> actions = new ArrayList<>(served.actions());
        for (Action action : table.actions()) {
            if (action.code() != ActionCode.HANDLE_WITHIN_ORGANISATION && action.code() != ActionCode.REQUEST_DELETION
                    && actions.stream().noneMatch(a -> a.code() == action.code())) {
                actions.add(action);
            }
        }
        actions.sort(Comparator.comparingInt(a -> orderOf(a.code())));
        java.util.Set<Reason> reasons = new java.util.LinkedHashSet<>(List.of(served.reasons()));
        for (Reason reason : table.reasons()) {
            String gives = rules.get(reason.rule()).row().outcome();
            if (!gives.equals(ActionCode.HANDLE_WITHIN_ORGANISATION.name()) && !gives.equals(ActionCode.REQUEST_DELETION.name())) {
                reasons.add(reason);
            }
        }
        Reason[] sorted = reasons.stream().sorted(Comparator.comparingInt(r -> rules.get(r.rule()).rank())).toArray(Reason[]::new);
        return new ActionsPart(List.copyOf(actions), sorted);
    }

    private int orderOf(ActionCode code) {
        for (int i = 0; i < actionOrder.length; i++) {
            if (actionOrder[i] == code) {
                return i;
            }
        }
        return actionOrder.length;
    }

    private static Pathway decidedPathway(Findings findings) {
        Pathway pathway = pathwayOf(findings);
        if (pathway == null) {
            // Unreachable for a rule set that passed analysis (property 1, completeness).
            throw new IllegalStateException("no Pathway rule matched; the rule set was not analysed");
        }
        return pathway;
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

    /** The Actions and Questions rules that fired, in table order. */
    private List<Reason> outcomeReasons(Findings findings) {
        boolean[] fired = new boolean[byRank.length];
        findings.actionRules.forEach(r -> fired[r.rank()] = true);
        findings.questionRules.forEach(r -> fired[r.rank()] = true);
        List<Reason> reasons = new ArrayList<>(findings.actionRules.size() + findings.questionRules.size());
        for (int rank = 0; rank < byRank.length; rank++) {
            if (fired[rank]) {
                reasons.add(byRank[rank].reason());
            }
        }
        return reasons;
    }

    /** The Pathway rules that gave the decided pathway, in table order: the others were overruled. */
    private static List<RuleInfo> pathwayReasons(Findings findings, Pathway decided) {
        List<RuleInfo> reasons = new ArrayList<>(findings.pathwayRules.size());
        for (int i = 0; i < findings.pathwayRules.size(); i++) {
            if (findings.pathways.get(i) == decided) {
                reasons.add(findings.pathwayRules.get(i));
            }
        }
        reasons.sort(Comparator.comparingInt(RuleInfo::rank));
        return reasons;
    }

    /** The CALL_999 action as this rule set words and cites it. */
    public Action emergencyAction() {
        return emergency;
    }

    private static List<String> ids(List<RuleInfo> fired) {
        List<String> ids = new ArrayList<>(fired.size());
        fired.forEach(r -> ids.add(r.row().id()));
        return ids;
    }

    /**
     * A random (version 4) UUID from a thread-local generator: decision IDs must be unique, not
     * unguessable, and SecureRandom would cost more than the decision.
     */
    private static UUID decisionId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
