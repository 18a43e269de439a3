package org.safeguarding.rules.analysis;

import org.safeguarding.rules.api.SafetyReport;
import org.safeguarding.rules.api.SafetyFinding;
import org.safeguarding.rules.api.HygieneFinding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Pathway;
import org.safeguarding.rules.engine.Decider;
import org.safeguarding.rules.tables.RuleRow;
import org.safeguarding.rules.tables.RuleTables;
import org.safeguarding.rules.tables.SheetTemplate;
import org.safeguarding.rules.tables.TableTemplate;

/**
 * Proves the safety properties of decision model section 6 for compiled tables, by running
 * the real compiled rules on every combination of the facts each table reads. The Pathway
 * table is run on all of its inputs; the Actions and Questions tables on every pathway and
 * provisional flag the Pathway table can actually produce, with every value of the facts they
 * read besides. The properties are the product's: nothing in a workbook can switch them off.
 */
public final class SafetyAnalyser {
    private static final List<Fact> PATHWAY_FACTS = TableTemplate.PATHWAY_FACTS;
    private static final List<SheetTemplate> RULES_AND_POLICY = List.of(TableTemplate.PATHWAY, TableTemplate.ACTIONS,
            TableTemplate.QUESTIONS, TableTemplate.POLICY);
    private static final Set<Fact> SAFE_WHEN_NO = Set.of(Fact.SELF_HARM_RISK, Fact.ADULT_INVOLVED, Fact.INTENDED_HARM,
            Fact.COERCION_OR_BLACKMAIL, Fact.CAPACITY_CONCERN, Fact.ATYPICAL_OR_VIOLENT_CONTENT,
            Fact.UNDER13_SEXUAL_ACTIVITY, Fact.PROFIT_MOTIVE);

    private final Decider decider;
    private final RuleTables tables;
    private final FactSpace space = new FactSpace();
    private final int combinations = space.size();
    private byte[] pathwayOf;
    private boolean[] provisionalOf;
    private List<List<String>> reasonsOf;
    private final Map<String, RuleRow> rowsById = new HashMap<>();
    private final Map<String, Accumulator> findings = new LinkedHashMap<>();
    private final Set<String> fired = new HashSet<>();
    /** The age band being analysed (see {@link Decider#policyAges()}), and how a counterexample shows it. */
    private int youngest = Integer.MAX_VALUE;
    private Map<String, String> ageContext = Map.of();

    private SafetyAnalyser(Decider decider) {
        this.decider = decider;
        this.tables = decider.tables();
        for (SheetTemplate sheet : RULES_AND_POLICY) {
            tables.rows(sheet).forEach(row -> rowsById.put(row.id(), row));
        }
    }

    public static SafetyReport analyse(Decider decider) {
        return new SafetyAnalyser(decider).run();
    }

    private SafetyReport run() {
        checkCall999ListedFirst();
        long pathwayCombinations = 0;
        long actionCombinations = 0;
        // The Policy sheet may read the youngest child's age: every age band its rows make is analysed.
        for (int age : decider.policyAges()) {
            youngest = age;
            ageContext = age == Integer.MAX_VALUE ? Map.of() : Map.of("youngestChildAge", String.valueOf(age));
            FactSpace.Pathways pathways = space.evaluate(decider, true, age);
            pathwayOf = pathways.pathway();
            provisionalOf = pathways.provisional();
            reasonsOf = pathways.reasons();
            pathways.rules().forEach(fired::addAll);
            for (int index = 0; index < combinations; index++) {
                checkPathway(index);
            }
            pathwayCombinations += combinations;
            actionCombinations += checkActions();
        }
        List<SafetyFinding> list = new ArrayList<>();
        findings.values().forEach(a -> list.add(a.finding()));
        return new SafetyReport(pathwayCombinations, actionCombinations, list, hygiene());
    }

    // ---- Pathway table: properties 1, 2, 3, 7, 8, 10

    private void checkPathway(int index) {
        Enum<?>[] values = values(index);
        Pathway pathway = pathway(index);
        if (pathway == null) {
            report(1, "complete", "no Pathway rule matches these facts, so there is no pathway.", index, Map.of());
            return;
        }
        boolean danger = values[Fact.IMMEDIATE_DANGER.ordinal()] == Answer.YES;
        if (danger != (pathway == Pathway.EMERGENCY)) {
            report(3, "EMERGENCY if and only if immediate danger", danger
                    ? "a child is in immediate danger but the pathway is " + pathway + "."
                    : "the pathway is EMERGENCY although immediateDanger is not true.", index, Map.of());
        }
        if (pathway == Pathway.HANDLE_INTERNALLY && !establishedSafe(values)) {
            report(8, "never laxer than the guidance", "it would be handled within the organisation (HANDLE_INTERNALLY) although "
                    + unsafeFacts(values) + "; the guidance requires a referral.", index, Map.of());
        }
        for (int k = 0; k < PATHWAY_FACTS.size(); k++) {
            Fact fact = PATHWAY_FACTS.get(k);
            List<Enum<?>> order = riskOrder(fact);
            int position = order.indexOf(values[fact.ordinal()]);
            if (position < order.size() - 1) {
                int riskier = withValue(index, k, order.get(position + 1));
                Pathway after = pathway(riskier);
                if (after == null || after.severity() < pathway.severity()) {
                    report(2, "monotone", "learning something worse about " + fact.fieldName() + " (" + order.get(position) + " to "
                            + order.get(position + 1) + ") would lower the pathway from " + pathway + " to " + after
                            + ": a riskier incident must never get less serious advice.", index, Map.of());
                }
            }
        }
        for (String reason : reasonsOf.get(index)) {
            Pathway argued = Pathway.valueOf(rowsById.get(reason).outcome());
            if (argued != pathway) {
                report(10, "reasons agree with the decision", "the decision is " + pathway + " but rule " + reason
                        + ", given as a reason, says " + argued + ".", index, Map.of());
            }
        }
        boolean definition = anyCompletionDiffers(index, 0, pathwayOf[index]);
        if (definition != provisionalOf[index]) {
            report(7, "provisional matches its definition", definition
                    ? "answering the unknown facts could change the pathway, but the decision is not marked provisional."
                    : "the decision is marked provisional, but no answer to the unknown facts changes the pathway.",
                    index, Map.of());
        }
    }

    private boolean establishedSafe(Enum<?>[] values) {
        return unsafeFacts(values).isEmpty();
    }

    private static String unsafeFacts(Enum<?>[] values) {
        List<String> unsafe = new ArrayList<>();
        for (Fact fact : PATHWAY_FACTS) {
            Enum<?> value = values[fact.ordinal()];
            boolean safe = switch (fact) {
                case IMMEDIATE_DANGER -> value == Answer.NO;
                case CONSENT_GIVEN -> value == Answer.YES;
                case PARENTAL_RISK -> value != Answer.YES;
                default -> !SAFE_WHEN_NO.contains(fact) || value == Answer.NO;
            };
            if (!safe) {
                unsafe.add(org.safeguarding.rules.api.IncidentWords.clause(fact.fieldName(), value.name()) + " (" + fact.fieldName() + ")");
            }
        }
        return String.join(", ", unsafe);
    }

    /** Risk order, safest first: false, unknown, true; for consent, true, unknown, false. */
    static List<Enum<?>> riskOrder(Fact fact) {
        return fact == Fact.CONSENT_GIVEN ? List.of(Answer.YES, Answer.UNKNOWN, Answer.NO)
                : List.of(Answer.NO, Answer.UNKNOWN, Answer.YES);
    }

    private boolean anyCompletionDiffers(int index, int from, byte pathway) {
        Enum<?>[] values = values(index);
        for (int k = from; k < PATHWAY_FACTS.size(); k++) {
            Fact fact = PATHWAY_FACTS.get(k);
            if (values[fact.ordinal()] == fact.unknown()) {
                for (Enum<?> answer : fact.domain()) {
                    if (answer != fact.unknown() && anyCompletionDiffers(withValue(index, k, answer), k + 1, pathway)) {
                        return true;
                    }
                }
                return false;
            }
        }
        return pathwayOf[index] != pathway;
    }

    // ---- Actions and Questions tables: properties 3, 4, 5, 6, 9, 10, and a question for every unknown fact

    /** Property 9: a child in immediate danger is told to call 999 first, so CALL_999 heads the Action texts order. */
    private void checkCall999ListedFirst() {
        ActionCode first = tables.actionTexts().keySet().iterator().next();
        if (first != ActionCode.CALL_999) {
            String key = "9 order";
            findings.put(key, new Accumulator(9, "never without advice", "CALL_999 is not the first row of the Action texts "
                    + "sheet (" + first + " is), so an emergency decision would not list calling 999 first.", Map.of(), List.of()));
        }
    }

    private long checkActions() {
        List<Fact> shared = space.sharedWithActions();
        Set<List<Object>> reachable = new HashSet<>();
        Map<List<Object>, Integer> exampleOf = new LinkedHashMap<>();
        for (int index = 0; index < combinations; index++) {
            if (pathwayOf[index] < 0) {
                continue;
            }
            Enum<?>[] values = values(index);
            List<Object> key = new ArrayList<>();
            key.add(pathway(index));
            key.add(provisionalOf[index]);
            shared.forEach(f -> key.add(values[f.ordinal()]));
            key.add(org.safeguarding.rules.engine.ActionFacts.policeCriterion(values)); // the Actions table reads it too
            if (reachable.add(key)) {
                exampleOf.put(key, index);
            }
        }
        long evaluated = 0;
        for (Map.Entry<List<Object>, Integer> entry : exampleOf.entrySet()) {
            Pathway pathway = (Pathway) entry.getKey().get(0);
            boolean provisional = (Boolean) entry.getKey().get(1);
            Enum<?>[] base = values(entry.getValue());
            for (int n = 0; n < space.freeCombinations(); n++) {
                Enum<?>[] values = space.withFree(base, n);
                if (FactSpace.reachable(values)) {
                    checkActions(values, pathway, provisional);
                    evaluated++;
                }
            }
        }
        checkQuestionsOneByOne();
        return evaluated;
    }

    private void checkActions(Enum<?>[] values, Pathway pathway, boolean provisional) {
        Decider.ActionResult result = decider.actions(values, pathway, provisional);
        fired.addAll(result.actionRules());
        fired.addAll(result.questionRules());
        List<ActionCode> actions = result.actions();
        Map<String, String> context = Map.of("pathway", pathway.name(), "provisional", provisional ? "YES" : "NO");
        if (actions.contains(ActionCode.CALL_999) != (pathway == Pathway.EMERGENCY)) {
            reportActions(3, "CALL_999 if and only if EMERGENCY", pathway == Pathway.EMERGENCY
                    ? "an EMERGENCY decision does not include CALL_999." : "CALL_999 is recommended outside EMERGENCY.",
                    values, context, result.actionRules());
        }
        for (ActionCode internalOnly : List.of(ActionCode.HANDLE_WITHIN_ORGANISATION, ActionCode.REQUEST_DELETION)) {
            if (actions.contains(internalOnly) && pathway != Pathway.HANDLE_INTERNALLY) {
                reportActions(4, "internal actions only when handled internally", internalOnly
                        + " is recommended on the " + pathway + " pathway.", values, context, result.actionRules());
            }
        }
        if (values[Fact.IMMEDIATE_DANGER.ordinal()] == Answer.YES && !actions.contains(ActionCode.CALL_999)) {
            reportActions(9, "never without advice", "a child is in immediate danger but CALL_999 is not recommended.",
                    values, context, result.actionRules());
        }
        for (int i = 0; i < actions.size(); i++) {
            ActionCode action = actions.get(i);
            if ((action == ActionCode.HANDLE_WITHIN_ORGANISATION || action == ActionCode.REQUEST_DELETION) && pathway != Pathway.HANDLE_INTERNALLY) {
                reportActions(10, "reasons agree with the decision", "the decision is " + pathway + " but rule "
                        + result.actionRules().get(i) + ", given as a reason, recommends " + action + ", which belongs to HANDLE_INTERNALLY.",
                        values, context, List.of(result.actionRules().get(i)));
            }
        }
        if (actions.contains(ActionCode.INVOLVE_PARENTS) && values[Fact.PARENTAL_RISK.ordinal()] == Answer.YES) {
            reportActions(5, "parents not involved when they are a risk",
                    "INVOLVE_PARENTS is recommended although parentalRisk is true.", values, context, result.actionRules());
        }
        if (values[Fact.ADULT_IS_STAFF_OR_VOLUNTEER.ordinal()] == Answer.YES && !actions.contains(ActionCode.REFER_LADO)) {
            reportActions(11, "staff allegations go to the LADO", "the adult involved works or volunteers for the setting, "
                    + "but REFER_LADO (tell the local authority designated officer) is not recommended. Add a rule to the Actions sheet with "
                    + "'Adult is staff or volunteer?' YES and the action REFER_LADO, as rule A-29 of the shipped workbook does; a workbook "
                    + "made before that column existed needs it first (insert 'Adult is staff or volunteer?' and then 'Police criterion?' before "
                    + "'Media type is not').", values, context,
                    result.actionRules());
        }
        for (ActionCode always : List.of(ActionCode.DO_NOT_VIEW_IMAGERY, ActionCode.RECORD_INCIDENT)) {
            if (!actions.contains(always)) {
                reportActions(6, "always do not view and record", always + " is missing.", values, context,
                        result.actionRules());
            }
        }
        checkQuestions(values, pathway, provisional, result);
    }

    /** Whether the adult is staff matters only while an adult is, or may be, involved. */
    private static boolean matters(Fact fact, Enum<?>[] values) {
        return fact != Fact.ADULT_IS_STAFF_OR_VOLUNTEER || values[Fact.ADULT_INVOLVED.ordinal()] != Answer.NO;
    }

    private void checkQuestions(Enum<?>[] values, Pathway pathway, boolean provisional, Decider.ActionResult result) {
        for (Fact fact : Fact.values()) {
            if (values[fact.ordinal()] == fact.unknown() && !result.questions().contains(fact.fieldName()) && matters(fact, values)) {
                reportActions(7, "provisional decisions carry their questions", "there is no question about "
                        + fact.fieldName() + ", which is not yet known.", values,
                        Map.of("pathway", pathway.name(), "provisional", provisional ? "YES" : "NO"), result.questionRules());
            }
        }
    }

    /** Each fact unknown on its own, every other fact known: the question about it must still be asked. */
    private void checkQuestionsOneByOne() {
        for (Fact unknown : Fact.values()) {
            Enum<?>[] values = new Enum<?>[Fact.values().length];
            for (Fact fact : Fact.values()) {
                values[fact.ordinal()] = fact == unknown ? fact.unknown() : fact.domain().get(0);
            }
            Decider.PathwayResult pathway = decider.pathway(values);
            if (pathway.pathway() != null) {
                Decider.ActionResult result = decider.actions(values, pathway.pathway(), pathway.provisional());
                fired.addAll(result.questionRules());
                checkQuestions(values, pathway.pathway(), pathway.provisional(), result);
            }
        }
    }

    // ---- table hygiene: rows that never apply, rows that repeat another

    private List<HygieneFinding> hygiene() {
        List<HygieneFinding> hygiene = new ArrayList<>();
        for (SheetTemplate sheet : RULES_AND_POLICY) {
            Map<String, RuleRow> seen = new HashMap<>();
            for (RuleRow row : tables.rows(sheet)) {
                SafetyFinding.RuleLocation location = new SafetyFinding.RuleLocation(row.workbook(), sheet.sheetName(), row.excelRow(), row.id());
                RuleRow same = seen.putIfAbsent(row.conditions() + " -> " + row.outcome(), row);
                if (same != null) {
                    hygiene.add(new HygieneFinding(HygieneFinding.Kind.DUPLICATE, location, "Rule " + row.id()
                            + " has the same conditions and outcome as " + same.id() + " (row " + same.excelRow() + "): delete one."));
                } else if (!fired.contains(row.id())) {
                    hygiene.add(new HygieneFinding(HygieneFinding.Kind.NEVER_APPLIES, location, "Rule " + row.id()
                            + " never applies: no combination of facts matches all its conditions. Check its conditions."));
                }
            }
        }
        return hygiene;
    }

    // ---- combinations and findings

    private Pathway pathway(int index) {
        return pathwayOf[index] < 0 ? null : Pathway.values()[pathwayOf[index]];
    }

    private Enum<?>[] values(int index) {
        return space.values(index);
    }

    private int withValue(int index, int k, Enum<?> value) {
        return space.withValue(index, k, value);
    }

    private void report(int property, String title, String message, int index, Map<String, String> context) {
        Enum<?>[] values = values(index);
        String key = property + message;
        Accumulator existing = findings.get(key);
        if (existing != null) {
            existing.count++;
            return;
        }
        Map<String, String> example = describe(values, PATHWAY_FACTS);
        example.putAll(context);
        example.putAll(ageContext);
        findings.put(key, new Accumulator(property, title, message, example,
                locations(decider.pathway(values, youngest).rules())));
    }

    private void reportActions(int property, String title, String message, Enum<?>[] values, Map<String, String> context,
                               List<String> rules) {
        String key = property + message;
        Accumulator existing = findings.get(key);
        if (existing != null) {
            existing.count++;
            return;
        }
        Map<String, String> example = new LinkedHashMap<>(context);
        example.putAll(describe(values, List.of(Fact.values())));
        example.putAll(ageContext);
        findings.put(key, new Accumulator(property, title, message, example, locations(rules)));
    }

    private static Map<String, String> describe(Enum<?>[] values, List<Fact> facts) {
        Map<String, String> example = new LinkedHashMap<>();
        for (Fact fact : facts) {
            example.put(fact.fieldName(), values[fact.ordinal()].name());
        }
        return example;
    }

    private List<SafetyFinding.RuleLocation> locations(List<String> ruleIds) {
        List<SafetyFinding.RuleLocation> locations = new ArrayList<>();
        for (SheetTemplate sheet : RULES_AND_POLICY) {
            for (RuleRow row : tables.rows(sheet)) {
                if (ruleIds.contains(row.id())) {
                    locations.add(new SafetyFinding.RuleLocation(row.workbook(), sheet.sheetName(), row.excelRow(), row.id()));
                }
            }
        }
        return locations;
    }

    private static final class Accumulator {
        private final int property;
        private final String title;
        private final String message;
        private final Map<String, String> example;
        private final List<SafetyFinding.RuleLocation> rules;
        private long count = 1;

        Accumulator(int property, String title, String message, Map<String, String> example,
                    List<SafetyFinding.RuleLocation> rules) {
            this.property = property;
            this.title = title;
            this.message = message;
            this.example = example;
            this.rules = rules;
        }

        SafetyFinding finding() {
            return new SafetyFinding(property, title, message, example, rules, count);
        }
    }
}
