package org.safeguarding.rules.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.safeguarding.rules.api.Action;
import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Answer;
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
    private final Action emergency;
    /** Drools' answers for every rule's inputs; {@code null} past the index's limits. */
    private final DecisionIndex index;
    private final Evaluation evaluation;
    /** The setting's own stricter rules (Policy sheet), applied after the tables in either evaluation. */
    private final PolicyRules policy;
    /** With the index: the Pathway table's answer for every combination of its facts. */
    private final PathwayTable pathwayTable;
    private final OutcomeAssembly assembly;
    private final ReasonLists reasonLists = new ReasonLists();

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
        this.firing = new Once<>(firing);
        this.version = new RuleSetVersion(tables.sha256().substring(0, 12), tables.sha256());
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
        this.policy = new PolicyRules(tables, ranked.size());
        this.emergency = ranked.stream().filter(r -> r.actions() != null).map(r -> r.action(Pathway.EMERGENCY, false))
                .filter(a -> a.code() == ActionCode.CALL_999).findFirst()
                .orElse(new Action(ActionCode.CALL_999, tables.actionText(ActionCode.CALL_999, Pathway.EMERGENCY), ""));
        this.index = savedIndex != null ? DecisionIndex.restore(tables, rules, savedIndex).orElse(null)
                : DecisionIndex.build(tables, rules, values -> PathwayReading.ids(runPathway(values).pathwayRules), (values, decided) -> {
                    Findings fired = new Findings(rules);
                    firing.get().fire(new ActionFacts(values, Pathway.values()[decided[0]], decided[1] == 1, Answer.values()[decided[2]]), fired);
                    List<String> ids = new ArrayList<>(PathwayReading.ids(fired.actionRules));
                    ids.addAll(PathwayReading.ids(fired.questionRules));
                    return ids;
                });
        this.evaluation = index != null ? Evaluation.INDEX : Evaluation.DROOLS;
        this.assembly = new OutcomeAssembly(rules, ranked.toArray(RuleInfo[]::new), tables.actionTexts().keySet().toArray(ActionCode[]::new),
                tables.questionTexts().entrySet().stream().map(e -> new Question(e.getKey(), e.getValue().text(), e.getValue().why()))
                        .toArray(Question[]::new), index);
        this.pathwayTable = index == null ? null : savedPathways != null ? savedPathways.resolvedAgainst(rules)
                : PathwayTable.of(tables, rules, index);
    }

    DecisionIndex index() {
        return index;
    }

    PathwayTable pathwayTableToSave() {
        return pathwayTable;
    }

    /** The same rule set, evaluated the other way: everything but the evaluation is shared. */
    private Decider(Decider other, Evaluation evaluation) {
        this.firing = other.firing;
        this.tables = other.tables;
        this.version = other.version;
        this.rules.putAll(other.rules);
        this.emergency = other.emergency;
        this.policy = other.policy;
        this.index = other.index;
        this.evaluation = index == null ? Evaluation.DROOLS : evaluation;
        this.pathwayTable = other.pathwayTable;
        this.assembly = other.assembly;
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
     * Every Pathway and Policy row that matches these facts, those that win and those overruled:
     * to explain a safety finding and to find rows that never apply, never to decide.
     */
    public List<String> matchingPathwayRules(FactVector values, int youngest) {
        List<String> fired;
        if (evaluation == Evaluation.INDEX) {
            Findings findings = new Findings(rules);
            index.firePathwayRules(DecisionIndex.key(values), findings);
            fired = new ArrayList<>(PathwayReading.ids(findings.pathwayRules));
        } else {
            fired = new ArrayList<>(PathwayReading.ids(runPathway(values).pathwayRules));
        }
        fired.addAll(policy.matching(values, youngest));
        return fired;
    }

    /** The ages at which the Policy sheet's answer can differ, one per band, with {@code Integer.MAX_VALUE} for none known. */
    public List<Integer> policyAges() {
        return policy.representativeAges();
    }

    /**
     * The Pathway table's rules match {@link PathwayFacts}; the other tables' rules match
     * {@link ActionFacts}, fired in a session of their own once the pathway is known, so each step
     * starts from nothing.
     */
    private Findings runPathway(FactVector values) {
        Findings findings = new Findings(rules);
        firing.get().fire(new PathwayFacts(values), findings);
        return findings;
    }

    /**
     * A decision, in the steps the safety analysis proves one by one over their whole domain:
     * the facts derived from the people listed, {@link #pathwayStep}, {@link #actionsStep},
     * {@link #questionsStep}, and the words put together around them. There is no other way this
     * class decides.
     */
    public Recommendation decide(Incident incident) {
        FactDerivation.Derivation derivation = FactDerivation.derive(incident);
        FactVector values = FactVector.of(incident);
        derivation.derived().forEach(values::set);
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
    public PathwayStep pathwayStep(FactVector values, int youngest) {
        PathwayPart table;
        if (evaluation == Evaluation.INDEX) {
            table = pathwayTable.part(values);
        } else {
            Findings findings = runPathway(values);
            Pathway pathway = PathwayReading.decided(findings);
            table = new PathwayPart(pathway, PathwayReading.provisional(values, pathway, findings),
                    PathwayReading.reasons(findings, pathway).stream().map(RuleInfo::reason).toArray(Reason[]::new));
        }
        if (table.pathway() == null) {
            throw new IllegalStateException("no Pathway rule matched; the rule set was not analysed");
        }
        return new PathwayStep(table, policy.apply(table, values, youngest));
    }

    /** Steps two and three together: a whole outcome, for comparing two rule sets or two evaluations. */
    public OutcomePart outcomeStep(FactVector values, int youngest, PathwayStep step) {
        return new OutcomePart(actionsStep(values, youngest, step), questionsStep(values));
    }

    /**
     * Step two of a decision: what the Actions table gives on the served pathway (from the memo
     * of assembled answers, or a Drools session), and the policy's added actions. A policy only
     * adds: when it changed the pathway or the provisional flag, whatever the Actions table gives
     * on the tables' own pathway is kept too (but for the internal-only actions, which never go
     * with a referral), so a stricter policy never takes advice away.
     */
    public ActionsPart actionsStep(FactVector values, int youngest, PathwayStep step) {
        return actionsStep(values, index == null ? null : DecisionIndex.key(values), youngest, step);
    }

    private ActionsPart actionsStep(FactVector values, int[] key, int youngest, PathwayStep step) {
        PathwayPart served = step.served();
        ActionsPart part = tablesActions(values, key, served.pathway(), served.provisional());
        if (step.table() != served) {
            part = assembly.keepTheTables(part, tablesActions(values, key, step.table().pathway(), step.table().provisional()));
        }
        return assembly.withPolicy(part, policy.additions(values, youngest, served.pathway(), served.provisional(), part.actions()));
    }

    /** Step three of a decision: the questions still to answer, from the facts alone (the memo, or a Drools session). */
    public QuestionsPart questionsStep(FactVector values) {
        return questionsStep(values, index == null ? null : DecisionIndex.key(values));
    }

    private QuestionsPart questionsStep(FactVector values, int[] key) {
        if (evaluation == Evaluation.INDEX) {
            return assembly.indexedQuestions(key);
        }
        return assembly.questionsPart(droolsOutcome(values, Pathway.ESCALATE, false)); // the Questions rules read no pathway
    }

    private ActionsPart tablesActions(FactVector values, int[] key, Pathway pathway, boolean provisional) {
        if (evaluation == Evaluation.INDEX) {
            return assembly.indexedActions(key, pathway, provisional);
        }
        return assembly.actionsPart(droolsOutcome(values, pathway, provisional), pathway, provisional);
    }

    private Findings droolsOutcome(FactVector values, Pathway pathway, boolean provisional) {
        Findings findings = new Findings(rules);
        firing.get().fire(new ActionFacts(values, pathway, provisional, ActionFacts.policeCriterion(values)), findings);
        return findings;
    }

    /** The CALL_999 action as this rule set words and cites it. */
    public Action emergencyAction() {
        return emergency;
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
