package org.safeguarding.rules.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.KieSession;
import org.safeguarding.rules.api.Action;
import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.FieldError;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.IncidentRejectedException;
import org.safeguarding.rules.api.Pathway;
import org.safeguarding.rules.api.Person;
import org.safeguarding.rules.api.Question;
import org.safeguarding.rules.api.Reason;
import org.safeguarding.rules.api.Recommendation;
import org.safeguarding.rules.api.RuleSetVersion;
import org.safeguarding.rules.tables.QuestionText;
import org.safeguarding.rules.tables.RuleRow;
import org.safeguarding.rules.tables.RuleTables;
import org.safeguarding.rules.tables.TableTemplate;

/**
 * Makes decisions with one compiled rule set. Immutable after construction and shared by all
 * threads: each decision runs in stateless sessions of its own. Everything a recommendation
 * quotes (texts, citations, order) is worked out here once, so a decision only looks it up.
 */
public final class Decider {
    private static final String OUT = "out";
    private static final int SESSIONS_PER_POOL = 4;

    private final KieSessionsPool pathwaySessions;
    private final KieSessionsPool actionSessions;
    private final RuleTables tables;
    private final RuleSetVersion version;
    private final Map<String, RuleRow> rows = new HashMap<>();
    private final Map<String, Reason> reasons = new HashMap<>();
    private final Map<String, Action> actions = new HashMap<>();
    private final Map<String, Integer> reasonRank = new HashMap<>();
    private final int[] actionRank = new int[ActionCode.values().length];
    private final Question[] questions = new Question[Fact.values().length];
    private final int[] questionRank = new int[Fact.values().length];

    public Decider(RuleTables tables, KieBase pathwayBase, KieBase actionBase) {
        this.tables = tables;
        // Pooled sessions are reset and reused rather than built per decision: most of a decision's cost otherwise.
        this.pathwaySessions = pathwayBase.newKieSessionsPool(SESSIONS_PER_POOL);
        this.actionSessions = actionBase.newKieSessionsPool(SESSIONS_PER_POOL);
        this.version = new RuleSetVersion(tables.sha256().substring(0, 12), tables.sha256());
        List<ActionCode> actionOrder = List.copyOf(tables.actionTexts().keySet());
        for (ActionCode code : ActionCode.values()) {
            actionRank[code.ordinal()] = actionOrder.indexOf(code);
        }
        List<Fact> questionOrder = List.copyOf(tables.questionTexts().keySet());
        for (Fact fact : Fact.values()) {
            QuestionText text = tables.questionTexts().get(fact);
            questions[fact.ordinal()] = new Question(fact, text.text(), text.why());
            questionRank[fact.ordinal()] = questionOrder.indexOf(fact);
        }
        int rank = 0;
        for (List<RuleRow> table : List.of(tables.pathwayRows(), tables.actionRows(), tables.questionRows())) {
            for (RuleRow row : table) {
                rows.put(row.id(), row);
                reasons.put(row.id(), new Reason(row.id(), row.sheet().sheetName(), row.description(), row.guidance()));
                reasonRank.put(row.id(), rank++);
                if (row.sheet() == TableTemplate.ACTIONS) {
                    ActionCode code = ActionCode.valueOf(row.outcome());
                    actions.put(row.id(), new Action(code, tables.actionTexts().get(code), row.guidance()));
                }
            }
        }
    }

    public RuleTables tables() {
        return tables;
    }

    public RuleSetVersion version() {
        return version;
    }

    /** What the Pathway table gives for some facts: the pathway ({@code null} if no rule fired). */
    public record PathwayResult(Pathway pathway, boolean provisional, List<String> rules) {
    }

    /** What the Actions and Questions tables give. */
    public record ActionResult(List<ActionCode> actions, List<String> actionRules, List<String> questions,
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

    public PathwayResult pathway(Enum<?>[] values) {
        Findings findings = new Findings();
        run(pathwaySessions, findings, new PathwayFacts(values));
        Pathway pathway = null;
        for (Pathway fired : findings.pathways) {
            if (pathway == null || fired.isMoreSevereThan(pathway)) {
                pathway = fired;
            }
        }
        return new PathwayResult(pathway, pathway != null && provisional(values, pathway, findings), List.copyOf(findings.pathwayRules));
    }

    /**
     * Whether answering the unknown facts could change the pathway (decision model section 2):
     * immediate danger unknown, an escalation resting only on rows that match unknowns, or
     * handling internally while a fact the Pathway table reads is still unknown. The analyser
     * checks this against the definition itself over every combination of facts.
     */
    private boolean provisional(Enum<?>[] values, Pathway pathway, Findings findings) {
        if (values[Fact.IMMEDIATE_DANGER.ordinal()] == Answer.UNKNOWN) {
            return true;
        }
        return switch (pathway) {
            case EMERGENCY -> false;
            case ESCALATE -> {
                for (int i = 0; i < findings.pathwayRules.size(); i++) {
                    if (findings.pathways.get(i) == Pathway.ESCALATE && !rows.get(findings.pathwayRules.get(i)).readsUnknown()) {
                        yield false;
                    }
                }
                yield true;
            }
            case HANDLE_INTERNALLY -> TableTemplate.PATHWAY_FACTS.stream().anyMatch(f -> values[f.ordinal()] == f.unknown());
        };
    }

    /** A pooled session is reset when disposed, so each decision starts from nothing and leaves nothing behind. */
    private static void run(KieSessionsPool pool, Findings findings, CaseFacts facts) {
        KieSession session = pool.newKieSession();
        try {
            session.setGlobal(OUT, findings);
            session.insert(facts);
            session.fireAllRules();
        } finally {
            session.dispose();
        }
    }

    public ActionResult actions(Enum<?>[] values, Pathway pathway, boolean provisional) {
        Findings findings = new Findings();
        run(actionSessions, findings, new ActionFacts(values, pathway, provisional));
        return new ActionResult(findings.actions, findings.actionRules, findings.questions, findings.questionRules);
    }

    public Recommendation decide(Incident incident) {
        Map<Fact, Answer> derived = derive(incident);
        Enum<?>[] values = values(incident);
        derived.forEach((fact, value) -> values[fact.ordinal()] = value);
        PathwayResult pathway = pathway(values);
        if (pathway.pathway() == null) {
            // Unreachable for a rule set that passed analysis (property 1, completeness).
            throw new IllegalStateException("no Pathway rule matched; the rule set was not analysed");
        }
        ActionResult result = actions(values, pathway.pathway(), pathway.provisional());
        return new Recommendation(decisionId(), incident.reference(), pathway.pathway(), pathway.provisional(),
                tables.summary(pathway.pathway(), pathway.provisional()), actionsOf(result), questionsOf(result),
                reasonsOf(pathway, result), derived, version);
    }

    /** One action per code, cited from the topmost row that gave it, listed in the Action texts order. */
    private List<Action> actionsOf(ActionResult result) {
        List<String> rules = new ArrayList<>(result.actionRules());
        rules.sort(Comparator.comparing(reasonRank::get));
        Action[] byCode = new Action[ActionCode.values().length];
        for (String rule : rules) {
            Action action = actions.get(rule);
            if (byCode[action.code().ordinal()] == null) {
                byCode[action.code().ordinal()] = action;
            }
        }
        List<Action> list = new ArrayList<>(byCode.length);
        for (Action action : byCode) {
            if (action != null) {
                list.add(action);
            }
        }
        list.sort(Comparator.comparingInt(a -> actionRank[a.code().ordinal()]));
        return list;
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

    private List<Question> questionsOf(ActionResult result) {
        boolean[] asked = new boolean[questions.length];
        List<Question> list = new ArrayList<>(result.questions().size());
        for (String field : result.questions()) {
            Fact fact = Fact.byFieldName(field).orElseThrow();
            if (!asked[fact.ordinal()]) {
                asked[fact.ordinal()] = true;
                list.add(questions[fact.ordinal()]);
            }
        }
        list.sort(Comparator.comparingInt(q -> questionRank[q.code().ordinal()]));
        return list;
    }

    /** Pathway rules first, most severe first; then action and question rules, in table order. */
    private List<Reason> reasonsOf(PathwayResult pathway, ActionResult result) {
        List<String> pathwayRules = new ArrayList<>(pathway.rules());
        pathwayRules.sort(Comparator.comparing((String r) -> -Pathway.valueOf(rows.get(r).outcome()).severity())
                .thenComparing(reasonRank::get));
        List<String> others = new ArrayList<>(result.actionRules().size() + result.questionRules().size());
        others.addAll(result.actionRules());
        others.addAll(result.questionRules());
        others.sort(Comparator.comparing(reasonRank::get));
        List<Reason> list = new ArrayList<>(pathwayRules.size() + others.size());
        pathwayRules.forEach(r -> list.add(reasons.get(r)));
        others.forEach(r -> list.add(reasons.get(r)));
        return list;
    }

    /**
     * Section 1 of the decision model: an adult in {@code people} makes adultInvolved YES; saying
     * no adult was involved while listing one is a contradiction; a list with nobody under 18
     * is outside child safeguarding. Messages name fields, never their values.
     */
    static Map<Fact, Answer> derive(Incident incident) {
        List<Person> people = incident.people();
        int[] adults = java.util.stream.IntStream.range(0, people.size()).filter(i -> people.get(i).isAdult()).toArray();
        if (adults.length > 0 && incident.adultInvolved() == Answer.NO) {
            List<FieldError> errors = new ArrayList<>();
            errors.add(new FieldError("adultInvolved", "is false, but people lists someone aged 18 or over"));
            Arrays.stream(adults).forEach(i -> errors.add(new FieldError("people[" + i + "].age",
                    "is 18 or over, which contradicts adultInvolved false")));
            throw new IncidentRejectedException("Contradictory facts", errors);
        }
        if (!people.isEmpty() && adults.length == people.size()) {
            throw new IncidentRejectedException("Outside child safeguarding", List.of(new FieldError("people",
                    "lists nobody under 18: this guidance is for incidents involving children")));
        }
        Map<Fact, Answer> derived = new EnumMap<>(Fact.class);
        if (adults.length > 0 && incident.adultInvolved() == Answer.UNKNOWN) {
            derived.put(Fact.ADULT_INVOLVED, Answer.YES);
        }
        return derived;
    }
}
