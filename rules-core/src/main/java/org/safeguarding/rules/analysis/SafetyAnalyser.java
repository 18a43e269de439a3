package org.safeguarding.rules.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Pathway;
import org.safeguarding.rules.api.SafetyReport;
import org.safeguarding.rules.api.SocialCareStatus;
import org.safeguarding.rules.engine.FactVector;
import org.safeguarding.rules.engine.ActionFacts;
import org.safeguarding.rules.engine.Decider;
import org.safeguarding.rules.tables.SheetTemplate;
import org.safeguarding.rules.tables.TableTemplate;

/**
 * Proves the safety properties of decision model section 6 ({@link SafetyProperty}) for compiled
 * tables, by running the real compiled rules on every combination of the facts each table reads.
 * The Pathway table is run on all of its inputs; the Actions and Questions tables on every pathway
 * and provisional flag the Pathway table can actually produce, with every value of the facts they
 * read besides. The properties are the product's: nothing in a workbook can switch them off.
 *
 * <p>This class walks the combinations; the checks live with what they read: {@link PathwayProperties},
 * {@link ActionProperties}, {@link QuestionsProperty}, {@link WordsProperty}, {@link DerivationProperty}.
 */
public final class SafetyAnalyser {
    static final List<Fact> PATHWAY_FACTS = TableTemplate.PATHWAY_FACTS;
    static final List<SheetTemplate> RULES_AND_POLICY = List.of(TableTemplate.PATHWAY, TableTemplate.ACTIONS,
            TableTemplate.QUESTIONS, TableTemplate.POLICY);

    private final Proof proof;
    private final ActionProperties actionProperties;
    private final WordsProperty words;
    private final RowHygiene hygiene;
    private final FactSpace space = new FactSpace();
    /** The served pathway step for each combination of the age band being analysed (null where no Pathway rule matches). */
    private Decider.PathwayStep[] stepOf;
    /** What the combination every block holds still is served: the actions of the other blocks never differ from it. */
    private Decider.ActionsPart heldServed;
    /** The findings of each distinct served actions and check inputs already checked, to count again instead of checking again. */
    private final Map<CheckKey, List<String>> checked = new HashMap<>();

    private SafetyAnalyser(Decider decider) {
        this.proof = new Proof(decider);
        this.actionProperties = new ActionProperties(proof);
        this.words = new WordsProperty(proof);
        this.hygiene = new RowHygiene(proof);
    }

    public static SafetyReport analyse(Decider decider) {
        return new SafetyAnalyser(decider).run();
    }

    private SafetyReport run() {
        checkCall999ListedFirst();
        DerivationProperty.check(proof.findings);
        long pathwayCombinations = 0;
        long actionCombinations = 0;
        // The Policy sheet may read the youngest child's age: every age band its rows make is analysed.
        for (int age : proof.decider.policyAges()) {
            proof.youngest = age;
            proof.findings.inAgeBand(age == Integer.MAX_VALUE ? Map.of() : Map.of("youngestChildAge", String.valueOf(age)));
            FactSpace.Pathways pathways = space.evaluate(proof.decider, age);
            stepOf = pathways.steps();
            // Most combinations share their served answer (the same object, from the served table): each is read once.
            Set<Decider.PathwayPart> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Decider.PathwayStep step : stepOf) {
                if (step != null && seen.add(step.served())) {
                    proof.fired.addAll(Proof.ruleIds(step.served().reasons()));
                }
            }
            PathwayProperties pathwayProperties = new PathwayProperties(proof, space, pathways);
            for (int index = 0; index < space.size(); index++) {
                pathwayProperties.check(index);
            }
            hygiene.findRowsThatApply();
            pathwayCombinations += space.size();
            actionCombinations += checkActions();
        }
        return new SafetyReport(pathwayCombinations, actionCombinations, proof.findings.list(), hygiene.findings());
    }

    /** Property 9: a child in immediate danger is told to call 999 first, so CALL_999 heads the Action texts order. */
    private void checkCall999ListedFirst() {
        ActionCode first = proof.tables.actionTexts().keySet().iterator().next();
        if (first != ActionCode.CALL_999) {
            proof.findings.ofTables(SafetyProperty.NEVER_WITHOUT_ADVICE, "CALL_999 is not the first row of the Action texts sheet ("
                    + first + " is), so an emergency decision would not list calling 999 first.");
        }
    }

    /**
     * The third step (questions) over every input it reads, then the second (actions). Combinations
     * that every row's equality conditions, and every property, treat alike are checked once and
     * counted for all of them; the steps are the very ones {@code decide} runs, memo and all.
     *
     * <p>The Pathway combinations are grouped by what the Actions step can tell apart. For each
     * group, the facts only the Actions table reads are walked block by block ({@link ActionBlocks}):
     * each check is made in the walk of the one block it reads, with the other blocks held at "not
     * yet known", and counted for every combination of theirs. So this step grows as the sum of the
     * blocks' classes, not their product. It stands on the served actions being the union of what
     * each row gives, which every walk checks against the held combination (property 13).
     */
    private long checkActions() {
        Map<Fact, Set<Enum<?>>> read = ValueClasses.distinguishedValues(List.of(proof.tables.actionRows(), proof.tables.policyRows()));
        for (Fact fact : ActionProperties.READ) {
            read.get(fact).addAll(fact.domain());
        }
        ValueClasses.distinguishLinks(read);
        for (SocialCareStatus status : SocialCareStatus.values()) {
            if (!ActionProperties.toldOfSocialCare(status).isEmpty()) {
                read.get(Fact.SOCIAL_CARE_STATUS).add(status); // property 15 reads these
            }
        }
        Map<Long, int[]> groups = groupsTheActionsStepTellsApart(read);
        words.questionsShown(new QuestionsProperty(proof).check());
        List<Fact> free = Arrays.stream(Fact.values()).filter(f -> !PATHWAY_FACTS.contains(f)).toList();
        List<ActionBlocks.Unit> units = new ArrayList<>(ActionProperties.units());
        units.addAll(words.units());
        proof.walkIn(new ActionBlocks(free, Stream.concat(proof.tables.actionRows().stream(), proof.tables.policyRows().stream()).toList(),
                units));
        List<List<ValueClasses.Representative>> classesOf = proof.blocks().blocks().stream()
                .map(block -> ValueClasses.representatives(block, read)).toList();
        int n = classesOf.size();
        long evaluated = 0;
        for (int[] group : groups.values()) {
            Decider.PathwayStep step = stepOf[group[0]];
            FactVector base = space.values(group[0]);
            // Each block's classes that can go with this group (links tie a free fact to a Pathway fact at most).
            List<List<ValueClasses.Representative>> reachableOf = new ArrayList<>(n);
            long[] total = new long[n];
            FactVector held = base;
            for (int b = 0; b < n; b++) {
                List<ValueClasses.Representative> reachable = new ArrayList<>();
                for (ValueClasses.Representative rest : classesOf.get(b)) {
                    if (FactSpace.reachable(rest.fill(base))) {
                        reachable.add(rest);
                        total[b] += rest.weight();
                    }
                }
                reachableOf.add(reachable);
                // Held still at "not yet known" (always reachable): the decision most often asked for is among those walked.
                FactVector before = held;
                held = reachable.stream().filter(ValueClasses.Representative::unknown).findFirst().or(() -> reachable.stream().findFirst())
                        .map(rest -> rest.fill(before)).orElse(held);
            }
            long all = group[1];
            for (long t : total) {
                all *= t;
            }
            if (all == 0) {
                continue;
            }
            proof.pass(ActionBlocks.NONE);
            proof.findings.weigh(all);
            heldServed = checkActions(held, step, read);
            evaluated += all;
            for (int b = 0; b < n; b++) {
                proof.pass(b);
                for (ValueClasses.Representative rest : reachableOf.get(b)) {
                    proof.findings.weigh(all / total[b] * rest.weight());
                    checkActions(rest.fill(held), step, read);
                }
            }
        }
        proof.findings.weigh(1);
        return evaluated;
    }

    /**
     * Combinations the Actions step cannot tell apart, by a packed key: both steps' pathway and
     * flag, the police criterion (the Actions table reads it too) and each Pathway fact's class;
     * each group as its first combination and how many it holds.
     */
    private Map<Long, int[]> groupsTheActionsStepTellsApart(Map<Fact, Set<Enum<?>>> read) {
        int[][] classes = new int[PATHWAY_FACTS.size()][];
        for (int k = 0; k < PATHWAY_FACTS.size(); k++) {
            Fact fact = PATHWAY_FACTS.get(k);
            classes[k] = new int[fact.domain().size()];
            for (Enum<?> value : fact.domain()) {
                classes[k][value.ordinal()] = read.get(fact).contains(value) ? value.ordinal() + 1 : 0; // 0: a value no row names
            }
        }
        Map<Long, int[]> groups = new LinkedHashMap<>();
        for (int index = 0; index < space.size(); index++) {
            Decider.PathwayStep step = stepOf[index];
            if (step == null) {
                continue;
            }
            FactVector values = space.values(index);
            long key = step.served().pathway().ordinal() | (step.served().provisional() ? 4L : 0)
                    | (long) step.table().pathway().ordinal() << 3 | (step.table().provisional() ? 32L : 0)
                    | (long) ActionFacts.policeCriterion(values).ordinal() << 6;
            for (int k = 0; k < PATHWAY_FACTS.size(); k++) {
                key |= (long) classes[k][values.get(PATHWAY_FACTS.get(k)).ordinal()] << (8 + 3 * k);
            }
            int example = index;
            groups.computeIfAbsent(key, k -> new int[] {example, 0})[1]++;
        }
        return groups;
    }

    /** Every check of the Actions step for one combination, made once for each distinct thing it reads and counted again after. */
    private Decider.ActionsPart checkActions(FactVector values, Decider.PathwayStep step, Map<Fact, Set<Enum<?>>> read) {
        Decider.ActionsPart served = proof.decider.actionsStep(values, proof.youngest, step);
        words.checkQuestions(values, served.actionCodes(), read);
        actionProperties.checkUnion(values, step, served, heldServed);
        CheckKey checkKey = new CheckKey(served, step.pathway(), step.provisional(), step.table().pathway(), step.table().provisional(),
                factBits(values), proof.pass());
        List<String> already = checked.get(checkKey);
        if (already != null) {
            proof.findings.countAgain(already);
            return served;
        }
        checked.put(checkKey, proof.findings.startRecording());
        List<String> rules = Proof.ruleIds(served.reasons());
        proof.fired.addAll(rules);
        Map<String, String> context = Map.of("pathway", step.pathway().name(), "provisional", step.provisional() ? "YES" : "NO");
        actionProperties.check(values, step, served, context, rules);
        words.checkServed(values, step, served, context);
        proof.findings.stopRecording();
        return served;
    }

    /**
     * What the checks of one combination read: the served actions (memoised ones are shared
     * objects, so by identity), the pathway step, and the facts the properties look at.
     */
    private record CheckKey(Object actions, Pathway pathway, boolean provisional, Pathway tablePathway, boolean tableProvisional,
                            long facts, int pass) {
        @Override
        public boolean equals(Object other) {
            return other instanceof CheckKey k && k.actions == actions && k.pathway == pathway && k.provisional == provisional
                    && k.tablePathway == tablePathway && k.tableProvisional == tableProvisional && k.facts == facts && k.pass == pass;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(actions) * 31 + Long.hashCode(facts) * 7 + pass * 11 + pathway.ordinal() * 2 + (provisional ? 1 : 0);
        }
    }

    /** The values the properties read: immediate danger, parental risk, staff, adult involved, a threat to share, social care, young staff. */
    private static long factBits(FactVector values) {
        return values.get(Fact.IMMEDIATE_DANGER).ordinal()
                | (long) values.get(Fact.PARENTAL_RISK).ordinal() << 4
                | (long) values.get(Fact.ADULT_IS_STAFF_OR_VOLUNTEER).ordinal() << 8
                | (long) values.get(Fact.ADULT_INVOLVED).ordinal() << 12
                | (long) values.get(Fact.THREAT_TO_SHARE).ordinal() << 16
                | (long) values.get(Fact.SOCIAL_CARE_STATUS).ordinal() << 20
                | (long) values.get(Fact.STAFF_OR_VOLUNTEER_UNDER18).ordinal() << 24;
    }
}
