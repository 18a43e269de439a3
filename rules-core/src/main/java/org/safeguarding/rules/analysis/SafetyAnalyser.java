package org.safeguarding.rules.analysis;

import org.safeguarding.rules.api.SafetyReport;
import org.safeguarding.rules.api.SafetyFinding;
import org.safeguarding.rules.api.HygieneFinding;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.safeguarding.rules.tables.TextCell;
import java.util.Optional;

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
    /**
     * Whether the Actions sheet can say what a threat to share needs (property 14): a workbook
     * made before the column decides a threat as blackmail, as it did, and is told so in a setup warning.
     */
    private final boolean threatColumn;
    /** The same for a child known to children's social care (property 15). */
    private final boolean socialCareColumn;
    /** The same for someone under 18 who works or volunteers for the setting (property 11). */
    private final boolean youngStaffColumn;
    private final FactSpace space = new FactSpace();
    private final int combinations = space.size();
    private byte[] pathwayOf;
    /** The served pathway step for each combination (null where no Pathway rule matches). */
    private Decider.PathwayStep[] stepOf;
    private boolean[] provisionalOf;
    private final Map<String, RuleRow> rowsById = new HashMap<>();
    private final Map<String, Accumulator> findings = new LinkedHashMap<>();
    private final Set<String> fired = new HashSet<>();
    /** Rows that apply but are never a reason: why, in words. */
    private final Map<String, String> overruled = new HashMap<>();
    /** The age band being analysed (see {@link Decider#policyAges()}), and how a counterexample shows it. */
    private int youngest = Integer.MAX_VALUE;
    private Map<String, String> ageContext = Map.of();

    private SafetyAnalyser(Decider decider) {
        this.decider = decider;
        this.tables = decider.tables();
        this.threatColumn = tables.hasColumn(TableTemplate.ACTIONS, Fact.THREAT_TO_SHARE.fieldName());
        this.socialCareColumn = tables.hasColumn(TableTemplate.ACTIONS, Fact.SOCIAL_CARE_STATUS.fieldName());
        this.youngStaffColumn = tables.hasColumn(TableTemplate.ACTIONS, Fact.STAFF_OR_VOLUNTEER_UNDER18.fieldName());
        for (SheetTemplate sheet : RULES_AND_POLICY) {
            tables.rows(sheet).forEach(row -> rowsById.put(row.id(), row));
        }
    }

    public static SafetyReport analyse(Decider decider) {
        return new SafetyAnalyser(decider).run();
    }

    private SafetyReport run() {
        checkCall999ListedFirst();
        checkDerivation();
        long pathwayCombinations = 0;
        long actionCombinations = 0;
        // The Policy sheet may read the youngest child's age: every age band its rows make is analysed.
        for (int age : decider.policyAges()) {
            youngest = age;
            ageContext = age == Integer.MAX_VALUE ? Map.of() : Map.of("youngestChildAge", String.valueOf(age));
            FactSpace.Pathways pathways = space.evaluate(decider, age);
            stepOf = pathways.steps();
            pathwayOf = pathways.pathway();
            provisionalOf = pathways.provisional();
            completions = new byte[combinations];
            // Most combinations share their served answer (the same object, from the served table): each is read once.
            Set<Decider.PathwayPart> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (Decider.PathwayStep step : stepOf) {
                if (step != null && seen.add(step.served())) {
                    fired.addAll(ruleIds(step.served().reasons()));
                }
            }
            for (int index = 0; index < combinations; index++) {
                checkPathway(index);
            }
            findRowsThatApply();
            pathwayCombinations += combinations;
            actionCombinations += checkActions();
        }
        List<SafetyFinding> list = new ArrayList<>();
        findings.values().forEach(a -> list.add(a.finding()));
        return new SafetyReport(pathwayCombinations, actionCombinations, list, hygiene());
    }

    /**
     * Property 13 for the first step of a decision: the facts it works out from those given (a
     * member of staff is an adult involved, a threat to share is blackmail, imagery made by software
     * was made without consent, a request with no image needs nobody's consent) always land where the
     * rest of the analysis looks, the combinations {@link FactSpace#reachable} admits. Every
     * combination of the facts it reads, with each kind of person and step it reads.
     */
    private void checkDerivation() {
        List<Fact> read = List.of(Fact.ADULT_INVOLVED, Fact.ADULT_IS_STAFF_OR_VOLUNTEER, Fact.COERCION_OR_BLACKMAIL, Fact.THREAT_TO_SHARE,
                Fact.CONSENT_GIVEN, Fact.IMAGERY_ORIGIN, Fact.STAFF_OR_VOLUNTEER_UNDER18);
        int combinationsRead = read.stream().mapToInt(fact -> fact.domain().size()).reduce(1, (a, b) -> a * b);
        for (int k = 0; k < combinationsRead; k++) {
            for (List<org.safeguarding.rules.api.Person> people : DERIVING_PEOPLE) {
                for (org.safeguarding.rules.api.ConsentByStep steps : DERIVING_STEPS) {
                    org.safeguarding.rules.api.Incident.Builder builder = org.safeguarding.rules.api.Incident.builder()
                            .people(people).consentByStep(steps);
                    int rest = k;
                    for (Fact fact : read) {
                        builder.set(fact, fact.domain().get(rest % fact.domain().size()));
                        rest /= fact.domain().size();
                    }
                    checkDerivedFrom(builder.build());
                }
            }
        }
    }

    private void checkDerivedFrom(org.safeguarding.rules.api.Incident incident) {
        Enum<?>[] values = new Enum<?>[Fact.values().length];
        for (Fact fact : Fact.values()) {
            values[fact.ordinal()] = incident.value(fact);
        }
        org.safeguarding.rules.engine.FactDerivation.derivedFrom(incident).forEach((fact, value) -> values[fact.ordinal()] = value);
        if (!FactSpace.reachable(values)) {
            reportCombination(13, "what is proven is what is served", "the facts worked out from those given fall outside what "
                    + "the analysis checks.", values, Map.of(), List::of);
        }
    }

    /** People as far as the derivation reads them: nobody, an adult, and someone who works for the setting of each kind of age. */
    private static final List<List<org.safeguarding.rules.api.Person>> DERIVING_PEOPLE = List.of(List.of(),
            List.of(new org.safeguarding.rules.api.Person(org.safeguarding.rules.api.Role.SENDER, 30)),
            List.of(new org.safeguarding.rules.api.Person(List.of(org.safeguarding.rules.api.Role.REQUESTER), 30, Answer.YES)),
            List.of(new org.safeguarding.rules.api.Person(List.of(org.safeguarding.rules.api.Role.REQUESTER), 16, Answer.YES)),
            List.of(new org.safeguarding.rules.api.Person(List.of(org.safeguarding.rules.api.Role.REQUESTER), null, Answer.YES)));
    /** Consent by step as far as the derivation reads it: whether a step was refused. */
    private static final List<org.safeguarding.rules.api.ConsentByStep> DERIVING_STEPS = List.of(
            org.safeguarding.rules.api.ConsentByStep.NOT_KNOWN,
            new org.safeguarding.rules.api.ConsentByStep(Answer.YES, Answer.YES, Answer.NO),
            new org.safeguarding.rules.api.ConsentByStep(Answer.YES, Answer.YES, Answer.YES));

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
        for (String disagreement : disagreeingReasons.computeIfAbsent(stepOf[index].served(), this::reasonsArguingOtherwise)) {
            report(10, "reasons agree with the decision", disagreement, index, Map.of());
        }
        boolean definition = anyCompletionDiffers(index);
        if (definition != provisionalOf[index]) {
            report(7, "provisional matches its definition", definition
                    ? "answering the unknown facts could change the pathway, but the decision is not marked provisional."
                    : "the decision is marked provisional, but no answer to the unknown facts changes the pathway.",
                    index, Map.of());
        }
    }

    /** Property 10 for one served answer, worked out once for every combination that gets it. */
    private final Map<Decider.PathwayPart, List<String>> disagreeingReasons = new java.util.IdentityHashMap<>();

    private List<String> reasonsArguingOtherwise(Decider.PathwayPart served) {
        List<String> disagreements = List.of();
        for (org.safeguarding.rules.api.Reason reason : served.reasons()) {
            Pathway argued = Pathway.valueOf(rowsById.get(reason.rule()).outcome());
            if (argued != served.pathway()) {
                disagreements = new ArrayList<>(disagreements);
                disagreements.add("the decision is " + served.pathway() + " but rule " + reason.rule() + ", given as a reason, says "
                        + argued + ".");
            }
        }
        return disagreements;
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

    private static final Pathway[] PATHWAYS = Pathway.values();
    private static final List<Enum<?>> RISK_ORDER = List.of(Answer.NO, Answer.UNKNOWN, Answer.YES);
    private static final List<Enum<?>> CONSENT_RISK_ORDER = List.of(Answer.YES, Answer.UNKNOWN, Answer.NO);

    /** Risk order, safest first: false, unknown, true; for consent, true, unknown, false. */
    static List<Enum<?>> riskOrder(Fact fact) {
        return fact == Fact.CONSENT_GIVEN ? CONSENT_RISK_ORDER : RISK_ORDER;
    }

    /**
     * The pathways of every full answer to a combination's unknown facts, as bits (pathway
     * ordinal + 1; bit 0 for no pathway). Worked out once per combination from those with one
     * unknown fewer, so property 7 costs a few operations per combination rather than a walk
     * over every completion of each.
     */
    private byte[] completions;

    private int completionMask(int index) {
        int mask = completions[index];
        if (mask != 0) {
            return mask;
        }
        int k = space.firstUnknown(index, 0);
        if (k < 0) {
            mask = 1 << (pathwayOf[index] + 1);
        } else {
            Fact fact = PATHWAY_FACTS.get(k);
            for (Enum<?> answer : fact.domain()) {
                if (answer != fact.unknown()) {
                    mask |= completionMask(withValue(index, k, answer));
                }
            }
        }
        completions[index] = (byte) mask;
        return mask;
    }

    private boolean anyCompletionDiffers(int index) {
        return (completionMask(index) & ~(1 << (pathwayOf[index] + 1))) != 0;
    }

    // ---- Actions and Questions tables: properties 3 to 12

    /** Property 9: a child in immediate danger is told to call 999 first, so CALL_999 heads the Action texts order. */
    private void checkCall999ListedFirst() {
        ActionCode first = tables.actionTexts().keySet().iterator().next();
        if (first != ActionCode.CALL_999) {
            String key = "9 order";
            findings.put(key, new Accumulator(9, "never without advice", "CALL_999 is not the first row of the Action texts "
                    + "sheet (" + first + " is), so an emergency decision would not list calling 999 first.", Map.of(), List.of(), 1));
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
        Map<Fact, Set<Enum<?>>> read = ValueClasses.distinguishedValues(List.of(tables.actionRows(), tables.policyRows()));
        for (Fact fact : List.of(Fact.IMMEDIATE_DANGER, Fact.PARENTAL_RISK, Fact.ADULT_IS_STAFF_OR_VOLUNTEER, Fact.ADULT_INVOLVED,
                Fact.THREAT_TO_SHARE, Fact.STAFF_OR_VOLUNTEER_UNDER18)) {
            read.get(fact).addAll(fact.domain()); // the properties read these
        }
        ValueClasses.distinguishLinks(read);
        for (org.safeguarding.rules.api.SocialCareStatus status : org.safeguarding.rules.api.SocialCareStatus.values()) {
            if (!toldOfSocialCare(status).isEmpty()) {
                read.get(Fact.SOCIAL_CARE_STATUS).add(status); // property 15 reads these
            }
        }
        // Combinations the Actions step cannot tell apart, by a packed key: both steps' pathway and
        // flag, the police criterion (the Actions table reads it too) and each Pathway fact's class.
        int[][] classes = new int[PATHWAY_FACTS.size()][];
        for (int k = 0; k < PATHWAY_FACTS.size(); k++) {
            Fact fact = PATHWAY_FACTS.get(k);
            classes[k] = new int[fact.domain().size()];
            for (Enum<?> value : fact.domain()) {
                classes[k][value.ordinal()] = read.get(fact).contains(value) ? value.ordinal() + 1 : 0; // 0: a value no row names
            }
        }
        Map<Long, int[]> groups = new LinkedHashMap<>();
        for (int index = 0; index < combinations; index++) {
            Decider.PathwayStep step = stepOf[index];
            if (step == null) {
                continue;
            }
            Enum<?>[] values = values(index);
            long key = step.served().pathway().ordinal() | (step.served().provisional() ? 4L : 0)
                    | (long) step.table().pathway().ordinal() << 3 | (step.table().provisional() ? 32L : 0)
                    | (long) org.safeguarding.rules.engine.ActionFacts.policeCriterion(values).ordinal() << 6;
            for (int k = 0; k < PATHWAY_FACTS.size(); k++) {
                key |= (long) classes[k][values[PATHWAY_FACTS.get(k).ordinal()].ordinal()] << (8 + 3 * k);
            }
            int example = index;
            groups.computeIfAbsent(key, k -> new int[] {example, 0})[1]++;
        }
        checkQuestions();
        List<Fact> free = Arrays.stream(Fact.values()).filter(f -> !PATHWAY_FACTS.contains(f)).toList();
        blocks = new ActionBlocks(free, java.util.stream.Stream.concat(tables.actionRows().stream(), tables.policyRows().stream()).toList(),
                units());
        List<List<ValueClasses.Representative>> classesOf = blocks.blocks().stream().map(block -> ValueClasses.representatives(block, read)).toList();
        int n = classesOf.size();
        long evaluated = 0;
        for (int[] group : groups.values()) {
            Decider.PathwayStep step = stepOf[group[0]];
            Enum<?>[] base = values(group[0]);
            // Each block's classes that can go with this group (links tie a free fact to a Pathway fact at most).
            List<List<ValueClasses.Representative>> reachableOf = new ArrayList<>(n);
            long[] total = new long[n];
            Enum<?>[] held = base;
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
                Enum<?>[] before = held;
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
            pass = ActionBlocks.NONE;
            weight = all;
            heldServed = checkActions(held, step, read);
            evaluated += all;
            for (int b = 0; b < n; b++) {
                pass = b;
                for (ValueClasses.Representative rest : reachableOf.get(b)) {
                    weight = all / total[b] * rest.weight();
                    checkActions(rest.fill(held), step, read);
                }
            }
        }
        weight = 1;
        return evaluated;
    }

    /**
     * Every check the Actions step makes, as what it reads (see {@link ActionBlocks}): the fixed
     * properties, and the words of each text with the actions that show it and the services and
     * parents it names. Each check below asks {@link #inPass} with one of these.
     */
    private List<ActionBlocks.Unit> units() {
        List<ActionBlocks.Unit> units = new ArrayList<>(List.of(CALL_999_UNIT, PARENTS_UNIT, LADO_UNIT, SEXTORTION_UNIT, SOCIAL_CARE_UNIT));
        Set<ActionCode> summaryNames = java.util.EnumSet.noneOf(ActionCode.class);
        for (Pathway pathway : PATHWAYS) {
            for (boolean provisional : new boolean[] {false, true}) {
                summaryNames.addAll(named(tables.summary(pathway, provisional)));
                for (ActionCode code : ActionCode.values()) {
                    Set<ActionCode> codes = java.util.EnumSet.of(code);
                    codes.addAll(named(tables.actionText(code, pathway, provisional)));
                    wordsUnits[code.ordinal()] = wordsUnits[code.ordinal()] == null ? ActionBlocks.Unit.of(codes, Fact.PARENTAL_RISK)
                            : ActionBlocks.Unit.of(union(wordsUnits[code.ordinal()].codes(), codes), Fact.PARENTAL_RISK);
                }
            }
        }
        summaryUnit = ActionBlocks.Unit.of(summaryNames, Fact.PARENTAL_RISK);
        units.add(summaryUnit);
        units.addAll(Arrays.asList(wordsUnits));
        for (Fact fact : questionsToWord) {
            org.safeguarding.rules.tables.QuestionText text = tables.questionTexts().get(fact);
            Set<ActionCode> codes = union(named(text.text()), named(text.why()));
            questionUnits.put(fact, ActionBlocks.Unit.of(codes, fact, Fact.PARENTAL_RISK));
        }
        units.addAll(questionUnits.values());
        return units;
    }

    /** The actions whose presence a text's words depend on: those of the services it names, and those that decide whether parents may be told. */
    private Set<ActionCode> named(String text) {
        TextWords said = words(text == null ? "" : text); // an action a workbook made before it has no text
        Set<ActionCode> codes = java.util.EnumSet.noneOf(ActionCode.class);
        said.services().forEach(service -> codes.addAll(service.involvedBy));
        if (said.tellsParents()) {
            codes.addAll(PARENTS_MAY_NOT_BE_TOLD_WITH);
        }
        return codes;
    }

    private static Set<ActionCode> union(Set<ActionCode> a, Set<ActionCode> b) {
        Set<ActionCode> union = java.util.EnumSet.noneOf(ActionCode.class);
        union.addAll(a);
        union.addAll(b);
        return union;
    }

    /** What a child threatened with the sharing of imagery always gets (NCA 2024): the advice, the police and CEOP. */
    private static final List<ActionCode> SEXTORTION_CODES = List.of(ActionCode.SEXTORTION_ADVICE, ActionCode.REPORT_TO_POLICE,
            ActionCode.REPORT_TO_CEOP);
    private static final List<ActionCode> PARENTS_MAY_NOT_BE_TOLD_WITH = List.of(ActionCode.REFER_LADO, ActionCode.REPORT_TO_POLICE,
            ActionCode.CALL_999);
    private static final ActionBlocks.Unit CALL_999_UNIT = ActionBlocks.Unit.of(Set.of(ActionCode.CALL_999), Fact.IMMEDIATE_DANGER);
    private static final ActionBlocks.Unit PARENTS_UNIT = ActionBlocks.Unit.of(Set.of(ActionCode.INVOLVE_PARENTS), Fact.PARENTAL_RISK);
    private static final ActionBlocks.Unit LADO_UNIT = ActionBlocks.Unit.of(Set.of(ActionCode.REFER_LADO, ActionCode.INFORM_HEADTEACHER),
            Fact.ADULT_IS_STAFF_OR_VOLUNTEER, Fact.STAFF_OR_VOLUNTEER_UNDER18);
    private static final ActionBlocks.Unit SEXTORTION_UNIT = ActionBlocks.Unit.of(Set.copyOf(SEXTORTION_CODES), Fact.THREAT_TO_SHARE);
    private static final ActionBlocks.Unit SOCIAL_CARE_UNIT = ActionBlocks.Unit.of(Set.of(ActionCode.INFORM_SOCIAL_WORKER,
            ActionCode.INFORM_VIRTUAL_SCHOOL_HEAD), Fact.SOCIAL_CARE_STATUS);

    private ActionBlocks blocks;
    /** What the combination every block holds still is served: the actions of the other blocks never differ from it. */
    private Decider.ActionsPart heldServed;
    /** The block being walked: a check is made in the pass of the block it reads, and only there. */
    private int pass;
    private final ActionBlocks.Unit[] wordsUnits = new ActionBlocks.Unit[ActionCode.values().length];
    private ActionBlocks.Unit summaryUnit;
    /** Questions shown somewhere whose words name a service or the parents: checked with the actions served beside them. */
    private final Set<Fact> questionsToWord = java.util.EnumSet.noneOf(Fact.class);
    private final Map<Fact, ActionBlocks.Unit> questionUnits = new java.util.EnumMap<>(Fact.class);

    private boolean inPass(ActionBlocks.Unit unit) {
        return blocks.of(unit) == pass;
    }

    private boolean inPass(ActionCode code) {
        return blocks.ofCode(code) == pass;
    }






    /** How many combinations of facts the one being checked stands for. */
    private long weight = 1;
    /** The findings of each distinct served actions and check inputs already checked, to count again instead of checking again. */
    private final Map<CheckKey, List<String>> checked = new HashMap<>();
    private List<String> recording;

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

    /** The values the properties read: immediate danger, parental risk, staff, adult involved, a threat to share. */
    private static long factBits(Enum<?>[] values) {
        return values[Fact.IMMEDIATE_DANGER.ordinal()].ordinal()
                | (long) values[Fact.PARENTAL_RISK.ordinal()].ordinal() << 4
                | (long) values[Fact.ADULT_IS_STAFF_OR_VOLUNTEER.ordinal()].ordinal() << 8
                | (long) values[Fact.ADULT_INVOLVED.ordinal()].ordinal() << 12
                | (long) values[Fact.THREAT_TO_SHARE.ordinal()].ordinal() << 16
                | (long) values[Fact.SOCIAL_CARE_STATUS.ordinal()].ordinal() << 20
                | (long) values[Fact.STAFF_OR_VOLUNTEER_UNDER18.ordinal()].ordinal() << 24;
    }


    /**
     * Who is told about a child already known to children's social care (KCSIE, Part 2): the
     * social worker of a child in need, on a child protection plan or looked after, and a
     * looked-after child's virtual school head too.
     */
    static List<ActionCode> toldOfSocialCare(org.safeguarding.rules.api.SocialCareStatus status) {
        return switch (status) {
            case CHILD_IN_NEED, CHILD_PROTECTION_PLAN -> List.of(ActionCode.INFORM_SOCIAL_WORKER);
            case LOOKED_AFTER -> List.of(ActionCode.INFORM_SOCIAL_WORKER, ActionCode.INFORM_VIRTUAL_SCHOOL_HEAD);
            case NONE, UNKNOWN -> List.of();
        };
    }

    private Decider.ActionsPart checkActions(Enum<?>[] values, Decider.PathwayStep step, Map<Fact, Set<Enum<?>>> read) {
        Pathway pathway = step.pathway();
        boolean provisional = step.provisional();
        Decider.ActionsPart served = decider.actionsStep(values, youngest, step);
        List<ActionCode> actions = served.actionCodes();
        checkQuestionWords(values, actions, read);
        if (pass != ActionBlocks.NONE && !outsideThePass(served).equals(outsideThePass(heldServed))) {
            // The walk by blocks stands on the served actions being the union of what each row gives:
            // checked wherever it walks, so a fault in assembling or remembering them is found.
            reportActions(13, "what is proven is what is served", "the actions served for these facts are not those the rows "
                    + "that fire give: changing " + blocks.blocks().get(pass) + " changed actions no row reading them gives.",
                    values, Map.of("pathway", pathway.name()), ruleIds(served.reasons()));
        }
        CheckKey checkKey = new CheckKey(served, pathway, provisional, step.table().pathway(), step.table().provisional(),
                factBits(values), pass);
        List<String> already = checked.get(checkKey);
        if (already != null) {
            for (String key : already) {
                findings.get(key).count += weight;
            }
            return served;
        }
        recording = new ArrayList<>(0);
        checked.put(checkKey, recording);
        List<String> rules = ruleIds(served.reasons());
        fired.addAll(rules);
        Map<String, String> context = Map.of("pathway", pathway.name(), "provisional", provisional ? "YES" : "NO");
        if (inPass(CALL_999_UNIT) && actions.contains(ActionCode.CALL_999) != (pathway == Pathway.EMERGENCY)) {
            reportActions(3, "CALL_999 if and only if EMERGENCY", pathway == Pathway.EMERGENCY
                    ? "an EMERGENCY decision does not include CALL_999." : "CALL_999 is recommended outside EMERGENCY.",
                    values, context, rules);
        }
        for (ActionCode internalOnly : List.of(ActionCode.HANDLE_WITHIN_ORGANISATION, ActionCode.REQUEST_DELETION)) {
            if (inPass(internalOnly) && actions.contains(internalOnly) && pathway != Pathway.HANDLE_INTERNALLY) {
                reportActions(4, "internal actions only when handled internally", internalOnly
                        + " is recommended on the " + pathway + " pathway, where a referral is needed.", values, context, rulesGiving(rules, internalOnly));
            }
        }
        if (pathway != Pathway.HANDLE_INTERNALLY) {
            for (String rule : rules) {
                RuleRow row = rowsById.get(rule);
                if ((row.outcome().equals(ActionCode.HANDLE_WITHIN_ORGANISATION.name()) || row.outcome().equals(ActionCode.REQUEST_DELETION.name()))
                        && inPass(ActionCode.valueOf(row.outcome()))) {
                    reportActions(10, "reasons agree with the decision", "the decision is " + pathway + " but rule " + rule
                            + ", given as a reason, recommends " + row.outcome() + ", which belongs to HANDLE_INTERNALLY.",
                            values, context, List.of(rule));
                }
            }
        }
        if (inPass(CALL_999_UNIT) && values[Fact.IMMEDIATE_DANGER.ordinal()] == Answer.YES && !actions.contains(ActionCode.CALL_999)) {
            reportActions(9, "never without advice", "a child is in immediate danger but CALL_999 is not recommended.",
                    values, context, rules);
        }
        if (inPass(PARENTS_UNIT) && actions.contains(ActionCode.INVOLVE_PARENTS) && values[Fact.PARENTAL_RISK.ordinal()] == Answer.YES) {
            reportActions(5, "parents not involved when they are a risk",
                    "INVOLVE_PARENTS is recommended although parentalRisk is true.", values, context, rulesGiving(rules, ActionCode.INVOLVE_PARENTS));
        }
        if (inPass(LADO_UNIT) && values[Fact.ADULT_IS_STAFF_OR_VOLUNTEER.ordinal()] == Answer.YES && !actions.contains(ActionCode.REFER_LADO)) {
            reportActions(11, "staff allegations go to the LADO", "the adult involved works or volunteers for the setting, "
                    + "but REFER_LADO (tell the local authority designated officer) is not recommended. Add a rule to the Actions sheet with "
                    + "'Adult is staff or volunteer?' YES and the action REFER_LADO, as rule A-29 of the shipped workbook does; a workbook "
                    + "made before that column existed needs it first (insert 'Adult is staff or volunteer?' and then 'Police criterion?' before "
                    + "'Media type is not').", values, context,
                    rules);
        }
        if (inPass(LADO_UNIT) && youngStaffColumn && values[Fact.STAFF_OR_VOLUNTEER_UNDER18.ordinal()] == Answer.YES) {
            for (ActionCode needed : List.of(ActionCode.REFER_LADO, ActionCode.INFORM_HEADTEACHER)) {
                if (!actions.contains(needed)) {
                    reportActions(11, "staff allegations go to the LADO", "someone under 18 who works or volunteers for the setting is "
                            + "involved (staffOrVolunteerUnder18), but " + needed + " is not recommended: KCSIE Part 4 covers everyone who "
                            + "works with children, whatever their age. Add a rule to the Actions sheet with 'Staff or volunteer under 18?' "
                            + "YES and the action " + needed + ", as rules A-45 and A-46 of the shipped workbook do.", values, context, rules);
                }
            }
        }
        if (inPass(SEXTORTION_UNIT) && values[Fact.THREAT_TO_SHARE.ordinal()] == Answer.YES && threatColumn) {
            for (ActionCode needed : SEXTORTION_CODES) {
                if (!actions.contains(needed)) {
                    reportActions(14, "a threat to share gets the sextortion advice, the police and CEOP", "someone threatens to share "
                            + "imagery of the child (threatToShare), but " + needed + " is not recommended. Add a rule to the Actions sheet "
                            + "with 'Threat to share?' YES and the action " + needed + "; a workbook made before that column existed needs "
                            + "it first (insert 'Threat to share?' after 'Media type is not').", values, context, rules);
                }
            }
        }
        if (inPass(SOCIAL_CARE_UNIT) && socialCareColumn) {
            for (ActionCode needed : toldOfSocialCare((org.safeguarding.rules.api.SocialCareStatus) values[Fact.SOCIAL_CARE_STATUS.ordinal()])) {
                if (!actions.contains(needed)) {
                    reportActions(15, "a child known to children's social care: their social worker is told", "a child involved is "
                            + values[Fact.SOCIAL_CARE_STATUS.ordinal()] + " (socialCareStatus), but " + needed + " is not recommended. "
                            + "Add a rule to the Actions sheet with 'Social care status' " + values[Fact.SOCIAL_CARE_STATUS.ordinal()]
                            + " and the action " + needed + "; a workbook made before that column existed needs it first (insert "
                            + "'Social care status' after 'Threat to share?').", values, context, rules);
                }
            }
        }
        for (ActionCode always : List.of(ActionCode.DO_NOT_VIEW_IMAGERY, ActionCode.RECORD_INCIDENT)) {
            if (inPass(always) && !actions.contains(always)) {
                reportActions(6, "always do not view and record", always + " is missing.", values, context, rules);
            }
        }
        if (step.table() != step.served()) {
            checkPolicyOnlyAdds(values, step, served, context);
        }
        boolean parentsMayBeTold = parentsMayBeTold(values, actions);
        if (inPass(summaryUnit)) {
            checkText("The summary", tables.summary(pathway, provisional),
                    Optional.ofNullable(tables.textCells().get(TextCell.summaryKey(pathway, provisional))), actions, parentsMayBeTold, values, context);
        }
        for (org.safeguarding.rules.api.Action action : served.actions()) {
            if (inPass(wordsUnits[action.code().ordinal()])) {
                checkText("The text of " + action.code(), action.text(), actionTextCell(action.code(), pathway, provisional),
                        actions, parentsMayBeTold, values, context);
            }
        }
        recording = null;
        return served;
    }

    private List<org.safeguarding.rules.api.Action> outsideThePass(Decider.ActionsPart served) {
        return served.actions().stream().filter(action -> blocks.ofCode(action.code()) != pass).toList();
    }

    /**
     * Property 12 for the questions whose words name a service or the parents: wherever the
     * question may be shown (its fact not yet known), beside the actions served. Outside the
     * memo of checks, which does not know which facts are unknown.
     */
    private void checkQuestionWords(Enum<?>[] values, List<ActionCode> actions, Map<Fact, Set<Enum<?>>> read) {
        for (Map.Entry<Fact, ActionBlocks.Unit> entry : questionUnits.entrySet()) {
            Fact fact = entry.getKey();
            Enum<?> value = values[fact.ordinal()];
            boolean mayBeUnknown = value == fact.unknown() || !read.get(fact).contains(value) && !read.get(fact).contains(fact.unknown());
            if (mayBeUnknown && inPass(entry.getValue())) {
                Enum<?>[] example = values.clone();
                example[fact.ordinal()] = fact.unknown();
                checkQuestionText(fact, actions, parentsMayBeTold(values, actions), example);
            }
        }
    }

    private void checkQuestionText(Fact fact, List<ActionCode> actions, boolean parents, Enum<?>[] example) {
        org.safeguarding.rules.tables.QuestionText text = tables.questionTexts().get(fact);
        Optional<TextCell> cell = Optional.ofNullable(tables.textCells().get(TextCell.questionKey(fact)));
        checkText("The question about " + fact.fieldName(), text.text(), cell, actions, parents, example, Map.of());
        checkText("Why the question about " + fact.fieldName() + " matters", text.why(),
                cell.map(c -> new TextCell(c.workbook(), c.sheet(), "C" + c.cell().substring(1))), actions, parents, example, Map.of());
    }

    /** Where each action's text stands, looked up once per code, pathway and flag: the checks ask millions of times. */
    @SuppressWarnings("unchecked")
    private final Optional<TextCell>[] textCells = new Optional[ActionCode.values().length * PATHWAYS.length * 2];

    private Optional<TextCell> actionTextCell(ActionCode code, Pathway pathway, boolean provisional) {
        int slot = (code.ordinal() * PATHWAYS.length + pathway.ordinal()) * 2 + (provisional ? 1 : 0);
        Optional<TextCell> cell = textCells[slot];
        if (cell == null) {
            cell = tables.actionTextCell(code, pathway, provisional);
            textCells[slot] = cell;
        }
        return cell;
    }

    private static List<String> ruleIds(org.safeguarding.rules.api.Reason[] reasons) {
        List<String> ids = new ArrayList<>(reasons.length);
        for (org.safeguarding.rules.api.Reason reason : reasons) {
            ids.add(reason.rule());
        }
        return ids;
    }

    /** Of the rules that fired, those that give this action (the rows to change). */
    private List<String> rulesGiving(List<String> fired, ActionCode code) {
        List<String> giving = fired.stream().filter(id -> rowsById.containsKey(id) && rowsById.get(id).outcome().equals(code.name())).toList();
        return giving.isEmpty() ? fired : giving;
    }

    /** Parents may be told only when they are no risk and neither the LADO nor the police must first agree what they hear. */
    private static boolean parentsMayBeTold(Enum<?>[] values, List<ActionCode> actions) {
        return values[Fact.PARENTAL_RISK.ordinal()] == Answer.NO && !actions.contains(ActionCode.REFER_LADO)
                && !actions.contains(ActionCode.REPORT_TO_POLICE) && !actions.contains(ActionCode.CALL_999);
    }

    /**
     * Property 8 for the Policy sheet: a setting may only add. Where its rows changed the pathway
     * or the provisional flag, the served actions keep every action the tables give on their own
     * (but for the internal-only actions, which never go with a referral).
     */
    private void checkPolicyOnlyAdds(Enum<?>[] values, Decider.PathwayStep step, Decider.ActionsPart served, Map<String, String> context) {
        Decider.ActionsPart tablesAlone = decider.actionsStep(values, youngest, new Decider.PathwayStep(step.table(), step.table()));
        List<ActionCode> kept = served.actionCodes();
        for (ActionCode code : tablesAlone.actionCodes()) {
            if (inPass(code) && !kept.contains(code) && code != ActionCode.HANDLE_WITHIN_ORGANISATION && code != ActionCode.REQUEST_DELETION) {
                reportActions(8, "a policy only adds", "the setting's policy takes away " + code + ", which the tables give for "
                        + "these facts: a policy may only make advice stricter.", values, context,
                        ruleIds(step.served().reasons()).stream().filter(id -> rowsById.get(id).sheet() == TableTemplate.POLICY).toList());
            }
        }
    }

    /**
     * Whether the adult is staff matters only while an adult is, or may be, involved; whether
     * someone threatens to share only while coercion or blackmail (which a threat is) is not ruled out.
     */
    private static final Map<Fact, Fact> MATTERS_UNLESS_NO = Map.of(Fact.ADULT_IS_STAFF_OR_VOLUNTEER, Fact.ADULT_INVOLVED,
            Fact.THREAT_TO_SHARE, Fact.COERCION_OR_BLACKMAIL);

    private boolean matters(Fact fact, Enum<?>[] values) {
        Fact unless = MATTERS_UNLESS_NO.get(fact);
        return (unless == null || values[unless.ordinal()] != Answer.NO) && !tables.predates(fact);
    }

    /**
     * The third step over every input it reads (it reads facts only): every unknown fact that
     * matters gets its question (property 7), and each question's words are checked wherever it
     * may be shown (property 12).
     *
     * <p>Fact by fact rather than over every fact at once, which grows as the product of all the
     * facts' classes. The served questions are the union of what each Questions row that fires
     * asks, and a row fires on the facts it fills in and nothing else (the decision index keeps one
     * bit per combination of exactly those: see DecisionIndex). So whether one fact's question is
     * served depends only on the facts read by the rows that ask it; whether it matters reads one
     * more; and reachability ties linked facts ({@link FactSpace#LINKS}). Every combination of
     * those facts' classes is checked, the other facts not yet known (which no row asking this
     * question reads, and which keeps every link). Each row is met over every combination of what
     * it reads in the check of its own question, so the rows that fire and the questions shown
     * are all found.
     */
    private void checkQuestions() {
        List<RuleRow> rows = tables.questionRows();
        Map<Fact, Set<Enum<?>>> read = ValueClasses.distinguishedValues(List.of(rows));
        for (Fact fact : Fact.values()) {
            read.get(fact).add(fact.unknown());
        }
        MATTERS_UNLESS_NO.values().forEach(fact -> read.get(fact).add(Answer.NO)); // property 7 reads them
        ValueClasses.distinguishLinks(read);
        Map<Fact, Set<Fact>> readByAsking = new java.util.EnumMap<>(Fact.class);
        for (Fact fact : Fact.values()) {
            readByAsking.put(fact, java.util.EnumSet.of(fact));
            if (MATTERS_UNLESS_NO.containsKey(fact)) {
                readByAsking.get(fact).add(MATTERS_UNLESS_NO.get(fact));
            }
        }
        for (RuleRow row : rows) {
            Set<Fact> reads = readByAsking.get(Fact.byFieldName(row.outcome()).orElseThrow());
            row.conditions().keySet().forEach(input -> reads.add(Fact.byFieldName(input).orElseThrow()));
        }
        Set<Fact> shown = java.util.EnumSet.noneOf(Fact.class);
        Map<Object, long[]> askedOf = new java.util.IdentityHashMap<>();
        for (Fact fact : Fact.values()) {
            checkQuestion(fact, FactSpace.withLinked(readByAsking.get(fact)), read, shown, askedOf);
        }
        weight = 1;
        for (Fact fact : shown) {
            org.safeguarding.rules.tables.QuestionText text = tables.questionTexts().get(fact);
            if (named(text.text()).isEmpty() && named(text.why()).isEmpty()) {
                // Words that name no service and no parents read nothing of the decision: checked once.
                Enum<?>[] example = new Enum<?>[Fact.values().length];
                for (Fact each : Fact.values()) {
                    example[each.ordinal()] = each.unknown();
                }
                checkQuestionText(fact, List.of(), false, example);
            } else {
                questionsToWord.add(fact);
            }
        }
    }

    /** Property 7 for one fact, over every class of the facts its question depends on (see {@link #checkQuestions}). */
    private void checkQuestion(Fact question, Set<Fact> relevant, Map<Fact, Set<Enum<?>>> read, Set<Fact> shown,
                               Map<Object, long[]> askedOf) {
        Fact[] facts = relevant.toArray(Fact[]::new);
        Enum<?>[][] choices = new Enum<?>[facts.length][];
        long[][] counts = new long[facts.length][];
        Enum<?>[] values = new Enum<?>[Fact.values().length];
        for (Fact fact : Fact.values()) {
            values[fact.ordinal()] = fact.unknown();
        }
        for (int i = 0; i < facts.length; i++) {
            ValueClasses.Classes classes = ValueClasses.Classes.of(facts[i], read);
            choices[i] = classes.values();
            counts[i] = classes.counts();
            values[facts[i].ordinal()] = choices[i][0];
        }
        long others = reachableCombinationsOfTheOthers(relevant);
        int[] digit = new int[facts.length];
        while (true) {
            if (FactSpace.reachable(values)) {
                Decider.QuestionsPart questions = decider.questionsStep(values);
                long asked = askedOf.computeIfAbsent(questions, q -> {
                    fired.addAll(ruleIds(questions.reasons()));
                    long bits = 0;
                    for (org.safeguarding.rules.api.Question shownQuestion : questions.questions()) {
                        bits |= 1L << shownQuestion.code().ordinal();
                        shown.add(shownQuestion.code());
                    }
                    return new long[] {bits};
                })[0];
                if (values[question.ordinal()] == question.unknown() && (asked & 1L << question.ordinal()) == 0
                        && matters(question, values)) {
                    long combinationWeight = others;
                    for (int i = 0; i < facts.length; i++) {
                        combinationWeight *= counts[i][digit[i]];
                    }
                    weight = combinationWeight;
                    reportActions(7, "provisional decisions carry their questions", "there is no question about "
                            + question.fieldName() + ", which is not yet known.", values, Map.of(), ruleIds(questions.reasons()));
                }
            }
            int k = 0;
            while (k < facts.length && ++digit[k] == choices[k].length) {
                digit[k] = 0;
                values[facts[k].ordinal()] = choices[k][0];
                k++;
            }
            if (k == facts.length) {
                return;
            }
            values[facts[k].ordinal()] = choices[k][digit[k]];
        }
    }

    /** How many reachable combinations the facts outside {@code relevant} have (links never cross it). */
    private static long reachableCombinationsOfTheOthers(Set<Fact> relevant) {
        long product = 1;
        List<Fact> linked = new ArrayList<>();
        for (Fact fact : Fact.values()) {
            if (relevant.contains(fact)) {
                continue;
            }
            if (FactSpace.withLinked(Set.of(fact)).size() > 1) {
                linked.add(fact);
            } else {
                product *= fact.domain().size();
            }
        }
        Enum<?>[] values = new Enum<?>[Fact.values().length];
        for (Fact fact : Fact.values()) {
            values[fact.ordinal()] = fact.unknown();
        }
        long reachable = 0;
        int[] digit = new int[linked.size()];
        while (true) {
            for (int i = 0; i < linked.size(); i++) {
                values[linked.get(i).ordinal()] = linked.get(i).domain().get(digit[i]);
            }
            if (FactSpace.reachable(values)) {
                reachable++;
            }
            int k = 0;
            while (k < linked.size() && ++digit[k] == linked.get(k).domain().size()) {
                digit[k] = 0;
                k++;
            }
            if (k == linked.size()) {
                return product * reachable;
            }
        }
    }

    // ---- words: property 12

    private final Map<String, TextWords> words = new HashMap<>();

    private TextWords words(String text) {
        return words.computeIfAbsent(text, TextWords::of);
    }

    /**
     * Property 12 for one text shown with a decision: a service is named as certain only when an
     * action involves it; parents are told only when they are no risk and neither the LADO nor the
     * police must agree what they hear; no text tells staff to handle the imagery.
     */
    private void checkText(String what, String text, Optional<TextCell> cell, List<ActionCode> actions, boolean parentsMayBeTold,
                           Enum<?>[] values, Map<String, String> context) {
        TextWords said = words(text);
        for (TextWords.Service service : said.services()) {
            if (!service.involvedIn(actions)) {
                reportText(what + " (\"" + text + "\") names " + service.words + " as certain, but no action of this decision involves "
                        + service.words + ". Name only the services this decision's actions include, or say when they apply (\"if ...\").",
                        values, context, cell);
            }
        }
        if (said.tellsParents() && !parentsMayBeTold) {
            reportText(what + " (\"" + text + "\") tells staff to tell the parents or carers, but here that is not yet safe: either "
                    + "telling them is not ruled out as a risk, or the LADO or the police must first agree what they are told. Say that condition.",
                    values, context, cell);
        }
        if (said.handlesImagery()) {
            reportText(what + " (\"" + text + "\") tells staff to view, copy, save, send or delete the imagery: staff never handle it.",
                    values, context, cell);
        }
    }

    private void reportText(String message, Enum<?>[] values, Map<String, String> context, Optional<TextCell> cell) {
        reportCombination(12, "words agree with the decision", message, values, context, () -> cell.map(c -> List.of(
                new SafetyFinding.RuleLocation(c.workbook(), c.sheet(), Integer.parseInt(c.cell().replaceAll("[A-Z]", "")), c.cell())))
                .orElse(List.of()));
    }

    // ---- table hygiene: rows that never apply, rows that repeat another

    /**
     * A Pathway or Policy row that is never a reason may still apply, overruled: it is tried on
     * the combination its own conditions make (every other fact unknown). Its conditions are
     * equalities, so it applies somewhere exactly when it applies there.
     */
    private void findRowsThatApply() {
        for (List<RuleRow> rows : List.of(tables.pathwayRows(), tables.policyRows())) {
            for (RuleRow row : rows) {
                if (fired.contains(row.id())) {
                    continue;
                }
                Enum<?>[] values = values(0);
                for (Fact fact : PATHWAY_FACTS) {
                    values[fact.ordinal()] = fact.unknown();
                }
                row.conditions().forEach((input, value) -> Fact.byFieldName(input)
                        .ifPresent(fact -> fact.valueNamed(value).ifPresent(v -> values[fact.ordinal()] = v)));
                List<String> matching = decider.matchingPathwayRules(values, youngest);
                fired.addAll(matching);
                if (matching.contains(row.id())) {
                    // It applies, but never decides anything: the rules that do, on the incident its own conditions describe.
                    Map<String, String> incident = new java.util.LinkedHashMap<>();
                    row.conditions().forEach((input, value) -> { if (Fact.byFieldName(input).isPresent()) incident.put(input, value); });
                    List<String> deciding = java.util.Arrays.stream(decider.pathwayStep(values, youngest).served().reasons())
                            .map(org.safeguarding.rules.api.Reason::rule).filter(id -> !id.equals(row.id())).toList();
                    overruled.put(row.id(), (deciding.isEmpty() ? "other rules" : String.join(", ", deciding)) + " already "
                            + (deciding.size() == 1 ? "decides" : "decide") + " every incident it covers (for example: "
                            + org.safeguarding.rules.api.IncidentWords.describe(incident) + ")");
                }
            }
        }
    }

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
                } else if (overruled.containsKey(row.id())) {
                    hygiene.add(new HygieneFinding(HygieneFinding.Kind.NEVER_DECIDES, location, "Rule " + row.id()
                            + " never changes a decision: " + overruled.get(row.id()) + ". Delete it, or make its conditions narrower "
                            + "or its pathway stricter if it was meant to decide something."));
                }
            }
        }
        return hygiene;
    }

    // ---- combinations and findings

    private Pathway pathway(int index) {
        return pathwayOf[index] < 0 ? null : PATHWAYS[pathwayOf[index]];
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
                locations(decider.matchingPathwayRules(values, youngest)), 1));
    }

    private void reportActions(int property, String title, String message, Enum<?>[] values, Map<String, String> context,
                               List<String> rules) {
        reportCombination(property, title, message, values, context, () -> locations(rules));
    }

    /** A finding for the combination being checked, counted with its weight and remembered for the combinations like it. */
    private void reportCombination(int property, String title, String message, Enum<?>[] values, Map<String, String> context,
                                   java.util.function.Supplier<List<SafetyFinding.RuleLocation>> where) {
        String key = property + message;
        if (recording != null) {
            recording.add(key);
        }
        Accumulator existing = findings.get(key);
        if (existing != null) {
            existing.count += weight;
            return;
        }
        Map<String, String> example = new LinkedHashMap<>(context);
        example.putAll(describe(values, List.of(Fact.values())));
        example.putAll(ageContext);
        findings.put(key, new Accumulator(property, title, message, example, where.get(), weight));
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
        private long count;

        Accumulator(int property, String title, String message, Map<String, String> example,
                    List<SafetyFinding.RuleLocation> rules, long count) {
            this.count = count;
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
