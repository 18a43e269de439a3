package org.safeguarding.rules.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Pathway;
import org.safeguarding.rules.tables.RuleRow;
import org.safeguarding.rules.tables.RuleTables;

/**
 * Which rules fire, read from tables that Drools itself filled in when the rule set was built.
 *
 * <p>Every rule the product generates is one pattern whose constraints are equalities (or one
 * inequality) on the inputs its row fills in, so whether it fires depends on those inputs and
 * nothing else. For each rule, Drools is run on every combination of that rule's inputs and
 * the answers are kept as a bit per combination. A decision then reads one bit per rule
 * instead of running a session, and gathers the findings exactly as a Drools session would;
 * the analyser proves the safety properties over the same bits, so what is proven is what is
 * served. A differential test compares both ways on every enumerated input and a million
 * random incidents.
 *
 * <p>Limit: a rule reading many inputs has many combinations (the shipped "handle internally"
 * rule reads 10 facts: 59,049). Past {@link #MAX_COMBINATIONS} over all rules the index is not
 * built and decisions run in Drools sessions, as before.
 */
final class DecisionIndex {
    /** Input slots: one per fact (its ordinal), then the decided pathway and the provisional flag. */
    static final int PATHWAY_SLOT = Fact.values().length;
    static final int PROVISIONAL_SLOT = PATHWAY_SLOT + 1;
    /** Whether a criterion that needs the police is established: worked out from the facts, read by the Actions table. */
    static final int POLICE_SLOT = PROVISIONAL_SLOT + 1;
    static final int SLOTS = POLICE_SLOT + 1;
    /** Combinations evaluated with Drools over all rules, at most; about 10 µs each. */
    static final int MAX_COMBINATIONS = 2_000_000;

    /** One rule: the slots it reads, their sizes, and a bit per combination saying whether it fires. */
    record IndexedRule(RuleInfo rule, Pathway gives, int[] slots, int[] sizes, long[] fires) {
        boolean firesFor(int[] key) {
            int k = 0;
            for (int i = 0; i < slots.length; i++) {
                k = k * sizes[i] + key[slots[i]];
            }
            return (fires[k >>> 6] & (1L << k)) != 0;
        }
    }

    private final IndexedRule[] pathwayRules;
    private final IndexedRule[] outcomeRules;

    /** Where the Questions rules start among the outcome rules: the Actions rules come first, in table order. */
    private final int firstQuestion;

    /**
     * Rules that read the same slots, as one table: for each combination of those slots, the mask
     * bits of every rule among them that fires. A mask is then one lookup per distinct set of slots
     * rather than one per rule (many rules read the same few inputs); built in memory from the
     * rules' own bits, so the saved file is unchanged.
     */
    private record SlotGroup(int[] slots, int[] sizes, long[] masks) {
        long maskFor(int[] key) {
            int k = 0;
            for (int i = 0; i < slots.length; i++) {
                k = k * sizes[i] + key[slots[i]];
            }
            return masks[k];
        }
    }

    private final SlotGroup[] actionGroups;
    private final SlotGroup[] questionGroups;

    private static SlotGroup[] slotGroups(IndexedRule[] rules, int from, int to) {
        Map<String, List<Integer>> bySlots = new LinkedHashMap<>();
        for (int i = from; i < to; i++) {
            bySlots.computeIfAbsent(Arrays.toString(rules[i].slots()) + Arrays.toString(rules[i].sizes()), k -> new ArrayList<>()).add(i);
        }
        List<SlotGroup> groups = new ArrayList<>();
        for (List<Integer> members : bySlots.values()) {
            IndexedRule first = rules[members.get(0)];
            int combinations = 1;
            for (int size : first.sizes()) {
                combinations *= size;
            }
            long[] masks = new long[combinations];
            for (int k = 0; k < combinations; k++) {
                for (int i : members) {
                    if ((rules[i].fires()[k >>> 6] & (1L << k)) != 0) {
                        masks[k] |= 1L << (i - from);
                    }
                }
            }
            groups.add(new SlotGroup(first.slots(), first.sizes(), masks));
        }
        return groups.toArray(SlotGroup[]::new);
    }

    private DecisionIndex(IndexedRule[] pathwayRules, IndexedRule[] outcomeRules) {
        this.pathwayRules = pathwayRules;
        this.outcomeRules = outcomeRules;
        int actions = 0;
        while (actions < outcomeRules.length && outcomeRules[actions].rule().actions() != null) {
            actions++;
        }
        this.firstQuestion = actions;
        this.actionGroups = actions > 60 ? null : slotGroups(outcomeRules, 0, actions);
        this.questionGroups = outcomeRules.length - actions > 60 ? null : slotGroups(outcomeRules, actions, outcomeRules.length);
    }

    /**
     * Fills the index with Drools' answers; {@code null} when the rules have more combinations
     * than {@link #MAX_COMBINATIONS}.
     *
     * @param pathwayRules the ids of the Pathway rules Drools fires for some facts
     * @param outcomeRules the ids of the Actions and Questions rules Drools fires for some facts,
     *                     given the decided pathway and provisional flag
     */
    static DecisionIndex build(RuleTables tables, Map<String, RuleInfo> rules, Function<FactVector, List<String>> pathwayRules,
                               BiFunction<FactVector, int[], List<String>> outcomeRules) {
        long total = 0;
        for (List<RuleRow> table : List.of(tables.pathwayRows(), tables.actionRows(), tables.questionRows())) {
            for (RuleRow row : table) {
                total += combinations(slots(row));
            }
        }
        if (total > MAX_COMBINATIONS) {
            return null;
        }
        List<IndexedRule> pathway = new ArrayList<>();
        for (RuleRow row : tables.pathwayRows()) {
            pathway.add(index(row, rules.get(row.id()), Pathway.valueOf(row.outcome()), inputs -> pathwayRules.apply(facts(inputs))));
        }
        List<IndexedRule> outcome = new ArrayList<>();
        for (RuleRow row : concat(tables.actionRows(), tables.questionRows())) {
            outcome.add(index(row, rules.get(row.id()), null, inputs -> outcomeRules.apply(facts(inputs), decidedOf(inputs))));
        }
        return new DecisionIndex(pathway.toArray(IndexedRule[]::new), outcome.toArray(IndexedRule[]::new));
    }

    /**
     * The index as saved: the bits Drools filled in, one array per rule in table order (Pathway,
     * then Actions and Questions); empty when they do not fit these tables' rows.
     */
    static java.util.Optional<DecisionIndex> restore(RuleTables tables, Map<String, RuleInfo> rules, List<long[]> fires) {
        List<RuleRow> rows = concat(tables.pathwayRows(), concat(tables.actionRows(), tables.questionRows()));
        if (fires.size() != rows.size()) {
            return java.util.Optional.empty();
        }
        List<IndexedRule> pathway = new ArrayList<>();
        List<IndexedRule> outcome = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            RuleRow row = rows.get(r);
            int[] slots = slots(row);
            int[] sizes = Arrays.stream(slots).map(DecisionIndex::size).toArray();
            if (fires.get(r).length != (combinations(slots) + 63) / 64) {
                return java.util.Optional.empty();
            }
            boolean isPathway = r < tables.pathwayRows().size();
            IndexedRule rule = new IndexedRule(rules.get(row.id()), isPathway ? Pathway.valueOf(row.outcome()) : null, slots, sizes,
                    fires.get(r).clone());
            (isPathway ? pathway : outcome).add(rule);
        }
        return java.util.Optional.of(new DecisionIndex(pathway.toArray(IndexedRule[]::new), outcome.toArray(IndexedRule[]::new)));
    }

    /** Every rule's bits, Pathway rules first, each table in row order: what {@link #restore} takes back. */
    List<IndexedRule> rules() {
        List<IndexedRule> all = new ArrayList<>(Arrays.asList(pathwayRules));
        all.addAll(Arrays.asList(outcomeRules));
        return all;
    }

    private static List<RuleRow> concat(List<RuleRow> a, List<RuleRow> b) {
        List<RuleRow> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Runs Drools on every combination of the slots one row reads, other inputs left unknown. */
    private static IndexedRule index(RuleRow row, RuleInfo rule, Pathway gives, Function<Object[], List<String>> fired) {
        int[] slots = slots(row);
        int[] sizes = new int[slots.length];
        for (int i = 0; i < slots.length; i++) {
            sizes[i] = size(slots[i]);
        }
        int count = (int) combinations(slots);
        long[] fires = new long[(count + 63) / 64];
        for (int k = 0; k < count; k++) {
            Object[] inputs = defaults();
            int rest = k;
            for (int i = slots.length - 1; i >= 0; i--) {
                inputs[slots[i]] = valueAt(slots[i], rest % sizes[i]);
                rest /= sizes[i];
            }
            if (fired.apply(inputs).contains(row.id())) {
                fires[k >>> 6] |= 1L << k;
            }
        }
        return new IndexedRule(rule, gives, slots, sizes, fires);
    }

    /** The slots a row's conditions read, in slot order. */
    private static int[] slots(RuleRow row) {
        return row.conditions().keySet().stream().mapToInt(DecisionIndex::slot).sorted().toArray();
    }

    private static int slot(String input) {
        if (input.equals("pathway")) {
            return PATHWAY_SLOT;
        }
        if (input.equals("provisional")) {
            return PROVISIONAL_SLOT;
        }
        if (input.equals("policeCriterion")) {
            return POLICE_SLOT;
        }
        return Fact.byFieldName(input).orElseThrow().ordinal();
    }

    private static long combinations(int[] slots) {
        long product = 1;
        for (int slot : slots) {
            product *= size(slot);
        }
        return product;
    }

    private static int size(int slot) {
        if (slot == PATHWAY_SLOT) {
            return Pathway.values().length;
        }
        if (slot == POLICE_SLOT) {
            return Answer.values().length;
        }
        return slot == PROVISIONAL_SLOT ? 2 : Fact.values()[slot].domain().size();
    }

    private static Object valueAt(int slot, int position) {
        if (slot == PATHWAY_SLOT) {
            return Pathway.values()[position];
        }
        if (slot == POLICE_SLOT) {
            return Answer.values()[position];
        }
        return slot == PROVISIONAL_SLOT ? (Object) (position == 1) : Fact.values()[slot].domain().get(position);
    }

    /** Every fact unknown, the pathway ESCALATE, not provisional: what a rule that does not read an input sees. */
    private static Object[] defaults() {
        Object[] inputs = new Object[SLOTS];
        for (Fact fact : Fact.values()) {
            inputs[fact.ordinal()] = fact.unknown();
        }
        inputs[PATHWAY_SLOT] = Pathway.ESCALATE;
        inputs[PROVISIONAL_SLOT] = Boolean.FALSE;
        inputs[POLICE_SLOT] = Answer.UNKNOWN;
        return inputs;
    }

    private static FactVector facts(Object[] inputs) {
        FactVector facts = FactVector.allUnknown();
        for (Fact fact : Fact.values()) {
            facts.set(fact, (Enum<?>) inputs[fact.ordinal()]);
        }
        return facts;
    }

    /** The decided pathway's ordinal, the provisional flag and the police criterion's ordinal, from filled-in inputs. */
    private static int[] decidedOf(Object[] inputs) {
        return new int[] {((Pathway) inputs[PATHWAY_SLOT]).ordinal(), (Boolean) inputs[PROVISIONAL_SLOT] ? 1 : 0,
                ((Answer) inputs[POLICE_SLOT]).ordinal()};
    }

    /** A key: each fact's position in its domain, then the pathway and provisional slots (filled in later) and the police criterion. */
    static int[] key(FactVector facts) {
        int[] key = new int[SLOTS];
        for (int i = 0; i < FactVector.size(); i++) {
            key[i] = facts.at(i).ordinal();
        }
        key[POLICE_SLOT] = ActionFacts.policeCriterion(facts).ordinal();
        return key;
    }

    /** The Pathway rules that fire, added to the findings. */
    void firePathwayRules(int[] key, Findings findings) {
        for (IndexedRule rule : pathwayRules) {
            if (rule.firesFor(key)) {
                findings.pathway(rule.gives(), rule.rule());
            }
        }
    }

    /**
     * Which Actions rules fire, one bit per rule in table order, or -1 when there are more than
     * 60 of them (then findings are gathered one by one).
     */
    long actionMask(int[] key, Pathway pathway, boolean provisional) {
        if (firstQuestion > 60) {
            return -1;
        }
        key[PATHWAY_SLOT] = pathway.ordinal();
        key[PROVISIONAL_SLOT] = provisional ? 1 : 0;
        return mask(key, actionGroups);
    }

    /**
     * Which Questions rules fire, one bit per rule in table order, or -1 when there are more than
     * 60 of them. They read facts only, never the pathway.
     */
    long questionMask(int[] key) {
        return outcomeRules.length - firstQuestion > 60 ? -1 : mask(key, questionGroups);
    }

    private static long mask(int[] key, SlotGroup[] groups) {
        long mask = 0;
        for (SlotGroup group : groups) {
            mask |= group.maskFor(key);
        }
        return mask;
    }

    /** The findings of the Actions rules an action mask names. */
    void fireActionRules(long mask, Findings findings) {
        for (int i = 0; i < firstQuestion; i++) {
            if ((mask & (1L << i)) != 0) {
                findings.act(outcomeRules[i].rule());
            }
        }
    }

    /** The findings of the Questions rules a question mask names. */
    void fireQuestionRules(long mask, Findings findings) {
        for (int i = firstQuestion; i < outcomeRules.length; i++) {
            if ((mask & (1L << (i - firstQuestion))) != 0) {
                findings.ask(outcomeRules[i].rule());
            }
        }
    }

    /** The Actions rules that fire once the pathway is decided, added to the findings. */
    void fireActionRules(int[] key, Pathway pathway, boolean provisional, Findings findings) {
        key[PATHWAY_SLOT] = pathway.ordinal();
        key[PROVISIONAL_SLOT] = provisional ? 1 : 0;
        for (int i = 0; i < firstQuestion; i++) {
            if (outcomeRules[i].firesFor(key)) {
                findings.act(outcomeRules[i].rule());
            }
        }
    }

    /** The Questions rules that fire for these facts, added to the findings. */
    void fireQuestionRules(int[] key, Findings findings) {
        for (int i = firstQuestion; i < outcomeRules.length; i++) {
            if (outcomeRules[i].firesFor(key)) {
                findings.ask(outcomeRules[i].rule());
            }
        }
    }
}
