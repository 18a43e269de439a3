package org.safeguarding.rules.analysis;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.ImpactReport;
import org.safeguarding.rules.api.ImpactReport.Change;
import org.safeguarding.rules.api.ImpactReport.TextChange;
import org.safeguarding.rules.api.Pathway;
import org.safeguarding.rules.engine.FactVector;
import org.safeguarding.rules.engine.Decider;
import org.safeguarding.rules.tables.RuleTables;
import org.safeguarding.rules.tables.TableTemplate;

/**
 * What an edit changes: both rule sets decide every combination of facts, and every
 * difference in pathway, provisional flag or actions is counted, with an example. A change that
 * lowers the pathway's severity for any combination is a safety regression.
 */
public final class ImpactDiff {
    private static final Pathway[] PATHWAYS = Pathway.values();

    /** Actions whose wording keeps a child safe whatever else happens: a change to it is always shown as a warning. */
    static final Set<ActionCode> SAFETY_CRITICAL_TEXTS = EnumSet.of(ActionCode.DO_NOT_VIEW_IMAGERY, ActionCode.CALL_999,
            ActionCode.PRESERVE_EVIDENCE, ActionCode.REQUEST_DELETION, ActionCode.RECORD_INCIDENT);

    private ImpactDiff() {
    }

    public static ImpactReport compare(Decider before, Decider after) {
        FactSpace space = new FactSpace();
        long free = space.freeCombinations();
        // The served actions are the union of what each row gives (the safety analysis proves the served step is),
        // so whether an action differs reads only the facts its own rows read on either side. Those facts are walked by
        // the classes the rows tell apart (and the links name), each class decided once and counted for every
        // incident it stands for; the other Actions-only facts are held at "not yet known" and counted too.
        Map<Fact, Set<Enum<?>>> read = ValueClasses.distinguishedValues(List.of(before.tables().actionRows(),
                before.tables().policyRows(), after.tables().actionRows(), after.tables().policyRows()));
        ValueClasses.distinguishLinks(read);
        List<Fact> freeFacts = java.util.Arrays.stream(Fact.values()).filter(f -> !FactSpace.PATHWAY_FACTS.contains(f)).toList();
        Map<ActionCode, List<Fact>> readFor = readFor(freeFacts, before, after);
        Map<ActionCode, List<ValueClasses.Representative>> classesFor = new java.util.EnumMap<>(ActionCode.class);
        readFor.forEach((code, facts) -> classesFor.put(code, ValueClasses.representatives(facts, read)));
        Map<String, Counted> pathwayChanges = new LinkedHashMap<>();
        Map<String, Counted> actionChanges = new LinkedHashMap<>();
        // Each age band either side's Policy sheet makes (the youngest child's age), and "no age known".
        Set<Fact> policyFacts = policyFacts(before, after);
        java.util.TreeSet<Integer> ages = new java.util.TreeSet<>(before.policyAges());
        ages.addAll(after.policyAges());
        for (int age : ages) {
            FactSpace.Pathways old = space.evaluate(before, age);
            FactSpace.Pathways neu = space.evaluate(after, age);
            Map<List<Object>, Counted> groups = new LinkedHashMap<>();
            for (int index = 0; index < space.size(); index++) {
                String from = label(old, index);
                String to = label(neu, index);
                FactVector values = space.values(index);
                if (!from.equals(to)) {
                    boolean regression = neu.pathway()[index] < 0
                            || (old.pathway()[index] >= 0 && severity(neu, index) < severity(old, index));
                    pathwayChanges.computeIfAbsent(from + " → " + to, k -> new Counted(describe(values, age), regression)).count += free;
                }
                if (old.steps()[index] == null || neu.steps()[index] == null) {
                    continue;
                }
                // Every input either side's outcome step reads besides the Actions-only facts.
                List<Object> key = new ArrayList<>(List.of(old.pathway()[index], old.provisional()[index],
                        neu.pathway()[index], neu.provisional()[index], old.steps()[index].table().pathway(),
                        old.steps()[index].table().provisional(), neu.steps()[index].table().pathway(),
                        neu.steps()[index].table().provisional()));
                space.sharedWithActions().forEach(f -> key.add(values.get(f)));
                // And the Pathway facts a link ties to an Actions-only fact: they decide which of its values can be met.
                FactSpace.LINKS.forEach(link -> key.add(values.get(link.implied())));
                policyFacts.forEach(f -> key.add(values.get(f)));
                key.add(org.safeguarding.rules.engine.ActionFacts.policeCriterion(values)); // the Actions table reads it too
                groups.computeIfAbsent(key, k -> new Counted(Map.of(), false)).add(index);
            }
            for (Counted group : groups.values()) {
                int index = group.firstIndex;
                if (old.pathway()[index] < 0 || neu.pathway()[index] < 0) {
                    continue;
                }
                FactVector base = space.values(index);
                for (ActionCode code : ActionCode.values()) {
                    long others = 1;
                    for (Fact fact : freeFacts) {
                        if (!readFor.get(code).contains(fact)) {
                            others *= reachableValues(base, fact);
                        }
                    }
                    for (ValueClasses.Representative rest : classesFor.get(code)) {
                        FactVector values = rest.fill(base);
                        if (!FactSpace.reachable(values)) {
                            continue;
                        }
                        boolean a = servedActions(before, values, age, old, index).contains(code);
                        boolean b = servedActions(after, values, age, neu, index).contains(code);
                        if (a != b) {
                            String change = (b ? "+ " : "- ") + code;
                            // Advice taken away is less safe, but for the internal-only actions, lost only to a referral.
                            boolean lessSafe = !b && code != ActionCode.HANDLE_WITHIN_ORGANISATION && code != ActionCode.REQUEST_DELETION;
                            actionChanges.computeIfAbsent(change, k -> new Counted(describe(values, age), lessSafe)).count
                                    += group.count * rest.weight() * others;
                        }
                    }
                }
            }
        }
        return new ImpactReport(space.size() * free * ages.size(), finish(pathwayChanges), finish(actionChanges),
                textChanges(before.tables(), after.tables()));
    }

    /** Every text and setting that differs, in the sheets' order; placeholders are filled in on both sides. */
    /**
     * Whether going from {@code before} to {@code after} changes words a lead must confirm: the
     * texts alone, in microseconds, where {@link #compare} also decides every combination of facts.
     */
    public static boolean needsConfirmation(Decider before, Decider after) {
        return textChanges(before.tables(), after.tables()).stream().anyMatch(TextChange::needsConfirmation);
    }

    static List<TextChange> textChanges(RuleTables before, RuleTables after) {
        List<TextChange> changes = new ArrayList<>();
        for (ActionCode code : ActionCode.values()) {
            String warning = SAFETY_CRITICAL_TEXTS.contains(code)
                    ? "This action keeps a child safe whatever the pathway: read the new wording against the guidance before activating." : "";
            compare(changes, TableTemplate.ACTION_TEXTS_SHEET, code.name(), before.actionTexts().get(code), after.actionTexts().get(code), warning);
            for (Pathway pathway : Pathway.values()) {
                compare(changes, TableTemplate.ACTION_TEXTS_SHEET, code.name() + " (" + pathway + " only)",
                        before.pathwayActionTexts().getOrDefault(pathway, Map.of()).get(code),
                        after.pathwayActionTexts().getOrDefault(pathway, Map.of()).get(code), warning);
                compare(changes, TableTemplate.ACTION_TEXTS_SHEET, code.name() + " (" + pathway + ", provisional)",
                        before.provisionalActionTexts().getOrDefault(pathway, Map.of()).get(code),
                        after.provisionalActionTexts().getOrDefault(pathway, Map.of()).get(code), warning);
            }
        }
        for (Fact fact : Fact.values()) {
            var old = before.questionTexts().get(fact);
            var neu = after.questionTexts().get(fact);
            compare(changes, TableTemplate.QUESTION_TEXTS_SHEET, fact.fieldName(), old == null ? null : old.text(),
                    neu == null ? null : neu.text(), "");
            compare(changes, TableTemplate.QUESTION_TEXTS_SHEET, fact.fieldName() + " (why)", old == null ? null : old.why(),
                    neu == null ? null : neu.why(), "");
        }
        for (Pathway pathway : Pathway.values()) {
            for (boolean provisional : new boolean[] {false, true}) {
                compare(changes, TableTemplate.SUMMARIES_SHEET, pathway + (provisional ? " (provisional)" : ""),
                        before.summary(pathway, provisional), after.summary(pathway, provisional), "");
            }
        }
        java.util.Set<String> names = new java.util.LinkedHashSet<>(before.contacts().keySet());
        names.addAll(after.contacts().keySet());
        for (String name : names) {
            String value = after.contacts().get(name);
            // Numbers typed as numbers are refused when read; a leading 0 dropped by hand still reads as text here.
            String warning = value != null && value.matches("[1-9][0-9]{8,10}")
                    ? "This looks like a phone number without its leading 0: check it rings the right service." : "";
            compare(changes, TableTemplate.CONTACTS_SHEET, name, before.contacts().get(name), value, warning);
        }
        return changes;
    }

    private static void compare(List<TextChange> changes, String sheet, String key, String before, String after, String warning) {
        String old = before == null ? "" : before;
        String neu = after == null ? "" : after;
        if (!old.equals(neu)) {
            changes.add(new TextChange(sheet, key, old, neu, warning));
        }
    }

    /** For each action, the Actions-only facts the rows that give it read, on either side. */
    private static Map<ActionCode, List<Fact>> readFor(List<Fact> freeFacts, Decider before, Decider after) {
        Map<ActionCode, Set<Fact>> facts = new java.util.EnumMap<>(ActionCode.class);
        for (ActionCode code : ActionCode.values()) {
            facts.put(code, EnumSet.noneOf(Fact.class));
        }
        for (Decider side : List.of(before, after)) {
            for (List<org.safeguarding.rules.tables.RuleRow> rows : List.of(side.tables().actionRows(), side.tables().policyRows())) {
                for (org.safeguarding.rules.tables.RuleRow row : rows) {
                    java.util.Arrays.stream(ActionCode.values()).filter(code -> code.name().equals(row.outcome())).findFirst()
                            .ifPresent(code -> row.conditions().keySet().forEach(input -> Fact.byFieldName(input)
                                    .filter(freeFacts::contains).ifPresent(facts.get(code)::add)));
                }
            }
        }
        Map<ActionCode, List<Fact>> lists = new java.util.EnumMap<>(ActionCode.class);
        facts.forEach((code, set) -> lists.put(code, List.copyOf(set)));
        return lists;
    }

    /** How many values of an Actions-only fact can go with these Pathway facts (a link may rule some out). */
    private static long reachableValues(FactVector base, Fact fact) {
        long count = 0;
        for (Enum<?> value : fact.domain()) {
            FactVector values = base.copy();
            values.set(fact, value);
            if (FactSpace.reachable(values)) {
                count++;
            }
        }
        return count;
    }

    /** The actions a decision serves for these facts: the same actions step {@code decide} runs, policy included. */
    private static Set<ActionCode> servedActions(Decider decider, FactVector values, int age, FactSpace.Pathways pathways, int index) {
        Set<ActionCode> set = EnumSet.noneOf(ActionCode.class);
        set.addAll(decider.actionsStep(values, age, pathways.steps()[index]).actionCodes());
        return set;
    }

    private static Set<Fact> policyFacts(Decider before, Decider after) {
        Set<Fact> facts = EnumSet.noneOf(Fact.class);
        for (Decider decider : List.of(before, after)) {
            decider.tables().policyRows().forEach(row -> row.conditions().keySet()
                    .forEach(input -> Fact.byFieldName(input).ifPresent(facts::add)));
        }
        return facts;
    }

    private static String label(FactSpace.Pathways pathways, int index) {
        byte pathway = pathways.pathway()[index];
        if (pathway < 0) {
            return "no pathway";
        }
        return PATHWAYS[pathway] + (pathways.provisional()[index] ? " (provisional)" : "");
    }

    private static int severity(FactSpace.Pathways pathways, int index) {
        return PATHWAYS[pathways.pathway()[index]].severity();
    }

    private static Map<String, String> describe(FactVector values, int youngest) {
        Map<String, String> example = new LinkedHashMap<>();
        for (Fact fact : Fact.values()) {
            example.put(fact.fieldName(), values.get(fact).name());
        }
        if (youngest != Integer.MAX_VALUE) {
            example.put("youngestChildAge", String.valueOf(youngest));
        }
        return example;
    }

    private static List<Change> finish(Map<String, Counted> counted) {
        List<Change> changes = new ArrayList<>();
        counted.forEach((change, c) -> changes.add(new Change(change, c.count, c.example, c.regression)));
        changes.sort((x, y) -> Boolean.compare(y.safetyRegression(), x.safetyRegression()) != 0
                ? Boolean.compare(y.safetyRegression(), x.safetyRegression()) : Long.compare(y.combinations(), x.combinations()));
        return changes;
    }

    private static final class Counted {
        private final Map<String, String> example;
        private final boolean regression;
        private long count;
        private int firstIndex = -1;

        Counted(Map<String, String> example, boolean regression) {
            this.example = example;
            this.regression = regression;
        }

        void add(int index) {
            if (firstIndex < 0) {
                firstIndex = index;
            }
            count++;
        }
    }
}
