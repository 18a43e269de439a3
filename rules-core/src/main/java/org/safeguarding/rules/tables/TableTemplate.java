package org.safeguarding.rules.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Pathway;

/**
 * The product's template for its workbooks: which sheets exist and their columns. The rules
 * are generated from it and the rows' closed-list values; nothing a lead types is compiled.
 * The package, imports and variables are what the technical rows of an old workbook must hold.
 */
public final class TableTemplate {

    public static final String RULESET_PACKAGE = "org.safeguarding.rules.generated";
    /** The types the generated rules use, by name. */
    public static final List<String> IMPORTED_TYPES = List.of(
            "org.safeguarding.rules.api.Answer",
            "org.safeguarding.rules.api.Pathway",
            "org.safeguarding.rules.api.ActionCode",
            "org.safeguarding.rules.api.MediaType",
            "org.safeguarding.rules.api.Sharing",
            "org.safeguarding.rules.api.Device",
            "org.safeguarding.rules.engine.PathwayFacts",
            "org.safeguarding.rules.engine.ActionFacts",
            "org.safeguarding.rules.api.SocialCareStatus",
            "org.safeguarding.rules.api.ImageryOrigin");
    /** What an old workbook's Import row must hold: the types there were when workbooks had technical rows. */
    public static final String IMPORTS = String.join(", ", IMPORTED_TYPES.subList(0, 8));
    /** Each decision gets its own {@code Findings}: a global of a session made for that decision. */
    public static final String VARIABLES = "org.safeguarding.rules.engine.Findings out";

    public static final String READ_ME_SHEET = "Read me";
    public static final String ACTION_TEXTS_SHEET = "Action texts";
    public static final String QUESTION_TEXTS_SHEET = "Question texts";
    public static final String SUMMARIES_SHEET = "Summaries";
    public static final String CONTACTS_SHEET = "Contacts";

    static final List<String> ANSWERS = List.of("YES", "NO", "UNKNOWN");

    /** The facts the Pathway table may read: the triggers of decision model section 2. */
    public static final List<Fact> PATHWAY_FACTS = List.of(
            Fact.IMMEDIATE_DANGER, Fact.SELF_HARM_RISK, Fact.ADULT_INVOLVED, Fact.INTENDED_HARM,
            Fact.CONSENT_GIVEN, Fact.COERCION_OR_BLACKMAIL, Fact.CAPACITY_CONCERN,
            Fact.ATYPICAL_OR_VIOLENT_CONTENT, Fact.UNDER13_SEXUAL_ACTIVITY, Fact.PROFIT_MOTIVE,
            Fact.PARENTAL_RISK);

    /**
     * The criteria that need the police when established (UKCIS 2024, initial review; the NSPCC
     * page warns against criminalising young people unnecessarily): the Actions sheet's "Police
     * criterion?" is YES when one is true, NO when all are false, UNKNOWN otherwise.
     */
    public static final List<Fact> POLICE_CRITERIA = List.of(Fact.IMMEDIATE_DANGER, Fact.ADULT_INVOLVED,
            Fact.COERCION_OR_BLACKMAIL, Fact.PROFIT_MOTIVE, Fact.UNDER13_SEXUAL_ACTIVITY, Fact.ATYPICAL_OR_VIOLENT_CONTENT);

    /** The facts the Actions table may read besides the pathway and provisional. */
    public static final List<Fact> ACTION_FACTS = List.of(
            Fact.ADULT_INVOLVED, Fact.COERCION_OR_BLACKMAIL, Fact.PARENTAL_RISK, Fact.CHILD_DISTRESSED,
            Fact.DEVICE, Fact.SHARING, Fact.ADULT_IS_STAFF_OR_VOLUNTEER);
    /**
     * Facts the Actions table reads that came after its "Police criterion?" and "Media type is
     * not" columns: their columns follow those, so the columns of earlier workbooks keep their places.
     */
    public static final List<Fact> LATER_ACTION_FACTS = List.of(Fact.THREAT_TO_SHARE, Fact.SOCIAL_CARE_STATUS, Fact.ONLINE_CONTACT,
            Fact.STAFF_OR_VOLUNTEER_UNDER18, Fact.IMAGERY_ORIGIN);
    /**
     * Facts added since the first rule sheets, oldest first: a workbook made before one has no
     * column for it, nor for those after it.
     */
    static final List<AddedFact> ADDED = List.of(
            new AddedFact(Fact.THREAT_TO_SHARE, "a threat to share imagery is decided as blackmail (a referral, the police and CEOP) "
                    + "but without the sextortion advice", "A-33 and A-34 (Actions)", "Q-18 and Q-19 (Questions)"),
            new AddedFact(Fact.SOCIAL_CARE_STATUS, "a child's social worker, and a looked-after child's virtual school head, are not "
                    + "in the advice", "A-35 to A-38 (Actions)", "Q-20 (Questions)"),
            new AddedFact(Fact.ONLINE_CONTACT, "CEOP is told of every adult or coercion, met online or not",
                    "A-08 to A-11, A-32 and A-39 to A-44 (Actions)", "Q-21 (Questions)"),
            new AddedFact(Fact.STAFF_OR_VOLUNTEER_UNDER18, "a young leader or work-experience pupil reaches the LADO only if called an adult",
                    "A-45 and A-46 (Actions)", "Q-22 (Questions)"),
            new AddedFact(Fact.IMAGERY_ORIGIN, "imagery made or altered by software (AI) gets no advice of its own, and a request with no "
                    + "image is asked about consent and deletion", "A-14 and A-48 to A-53 (Actions)", "Q-23 (Questions)"));
    static final List<String> ADDED_FACTS = ADDED.stream().map(added -> added.fact().fieldName()).toList();

    /** What a workbook made before a fact's column cannot say, and the shipped rules that say it. */
    record AddedFact(Fact fact, String without, String actionsRules, String questionsRules) {
    }

    public static final SheetTemplate PATHWAY = new SheetTemplate("Pathway", "P", "f: PathwayFacts",
            columns(PATHWAY_FACTS, List.of(), new ColumnSpec(ColumnKind.OUTCOME, "Pathway",
                    "out.pathway(Pathway.$param, drools.getRule().getName());", "", false, names(Pathway.values()))));

    public static final SheetTemplate ACTIONS = new SheetTemplate("Actions", "A", "f: ActionFacts",
            columns(ACTION_FACTS,
                    List.of(new ColumnSpec(ColumnKind.CONDITION, "Pathway", "pathway == Pathway.$param", "pathway",
                                    false, names(Pathway.values())),
                            new ColumnSpec(ColumnKind.CONDITION, "Provisional?", "provisional == Answer.$param",
                                    "provisional", false, List.of("YES", "NO"))),
                    new ColumnSpec(ColumnKind.OUTCOME, "Action", "out.act(ActionCode.$param, drools.getRule().getName());",
                            "", false, names(ActionCode.values())),
                    java.util.stream.Stream.concat(java.util.stream.Stream.of(
                            new ColumnSpec(ColumnKind.CONDITION, "Police criterion?", "policeCriterion == Answer.$param",
                                    "policeCriterion", false, ANSWERS),
                            new ColumnSpec(ColumnKind.CONDITION, "Media type is not", "mediaType != MediaType.$param",
                                    Fact.MEDIA_TYPE.fieldName(), true, names(Fact.MEDIA_TYPE.domain().toArray(Enum[]::new)))),
                            factColumns(LATER_ACTION_FACTS).stream()).toArray(ColumnSpec[]::new)));

    public static final SheetTemplate QUESTIONS = new SheetTemplate("Questions", "Q", "f: ActionFacts",
            columns(List.of(Fact.values()), List.of(), new ColumnSpec(ColumnKind.OUTCOME, "Ask about",
                    "out.ask(\"$param\", drools.getRule().getName());", "", false,
                    Arrays.stream(Fact.values()).map(Fact::fieldName).toList())));

    public static final List<SheetTemplate> RULE_SHEETS = List.of(PATHWAY, ACTIONS, QUESTIONS);

    /** What the Policy sheet's age column reads: the youngest involved person's age, from {@code people}. */
    public static final String YOUNGEST_CHILD_UNDER = "youngestChildUnder";
    /** The ages a Policy row may name: "the youngest child is under N". */
    public static final List<String> POLICY_AGES = java.util.stream.IntStream.rangeClosed(1, 18).mapToObj(String::valueOf).toList();
    /**
     * Actions a setting's policy may never add, because they would make advice laxer or unsafe:
     * calling 999 belongs to an emergency, handling internally and deleting to incidents that
     * need no referral, and telling the parents is decided by the parental-risk rules.
     */
    public static final List<ActionCode> POLICY_NEVER_ADDS = List.of(ActionCode.CALL_999, ActionCode.HANDLE_WITHIN_ORGANISATION,
            ActionCode.REQUEST_DELETION, ActionCode.INVOLVE_PARENTS);

    /**
     * The setting's own stricter rules (optional sheet): each row either raises the pathway to
     * ESCALATE or adds an action, when its conditions match. It can never lower a pathway or
     * remove an action, and the safety analysis covers it like the other tables.
     */
    public static final SheetTemplate POLICY = new SheetTemplate("Policy", "L", "",
            columns(PATHWAY_FACTS, List.of(), new ColumnSpec(ColumnKind.OUTCOME, "Then", "", "", false, policyOutcomes()),
                    new ColumnSpec(ColumnKind.CONDITION, "Youngest child under", "", YOUNGEST_CHILD_UNDER, false, POLICY_AGES)));

    /** Every sheet a rule set has, in the order a lead sees them (Policy may be left out). */
    public static final List<String> SHEET_ORDER = List.of(READ_ME_SHEET, PATHWAY.sheetName(),
            ACTIONS.sheetName(), QUESTIONS.sheetName(), POLICY.sheetName(), ACTION_TEXTS_SHEET, QUESTION_TEXTS_SHEET,
            SUMMARIES_SHEET, CONTACTS_SHEET);

    /** Sheets a workbook may leave out: a rule set without them reads as if they were empty. */
    public static final List<String> OPTIONAL_SHEETS = List.of(POLICY.sheetName());

    private static List<String> policyOutcomes() {
        List<String> outcomes = new ArrayList<>(List.of(Pathway.ESCALATE.name()));
        for (ActionCode code : ActionCode.values()) {
            if (!POLICY_NEVER_ADDS.contains(code)) {
                outcomes.add(code.name());
            }
        }
        return outcomes;
    }

    private TableTemplate() {
    }

    /**
     * Earlier layouts of a rule sheet that are still read. Workbooks made before
     * adultIsStaffOrVolunteer (allegations against staff) have no such column on the Actions and
     * Questions sheets, nor "Police criterion?" on Actions, and their outcome column comes last,
     * before the guidance, instead of next to the description; workbooks made before threatToShare
     * have no column for it on those sheets. They are read as they are, and the safety analysis
     * then tells the lead what is missing (no rule can recommend REFER_LADO without the column).
     */
    public static List<SheetTemplate> earlierLayouts(SheetTemplate template) {
        if (template == PATHWAY) {
            return List.of(template.withOutcomeLast());
        }
        if (template != ACTIONS && template != QUESTIONS) {
            return List.of();
        }
        List<SheetTemplate> layouts = new ArrayList<>();
        for (int since = ADDED_FACTS.size() - 1; since >= 0; since--) {
            layouts.add(template.without(ADDED_FACTS.subList(since, ADDED_FACTS.size())));
        }
        List<String> first = new ArrayList<>(ADDED_FACTS);
        first.add(Fact.ADULT_IS_STAFF_OR_VOLUNTEER.fieldName());
        if (template == ACTIONS) {
            first.add("policeCriterion");
        }
        layouts.add(template.without(first).withOutcomeLast());
        return layouts;
    }

    public static Optional<SheetTemplate> ruleSheet(String sheetName) {
        return java.util.stream.Stream.concat(RULE_SHEETS.stream(), java.util.stream.Stream.of(POLICY)).filter(s -> s.sheetName().equals(sheetName)).findFirst();
    }

    /** The visible header of a fact's condition column, e.g. "Immediate danger?". */
    public static String label(Fact fact) {
        return switch (fact) {
            case IMMEDIATE_DANGER -> "Immediate danger?";
            case SELF_HARM_RISK -> "Risk of self-harm?";
            case ADULT_INVOLVED -> "Adult involved?";
            case INTENDED_HARM -> "Meant to harm?";
            case CONSENT_GIVEN -> "Everyone consented?";
            case COERCION_OR_BLACKMAIL -> "Coercion or blackmail?";
            case CAPACITY_CONCERN -> "Capacity concern?";
            case ATYPICAL_OR_VIOLENT_CONTENT -> "Atypical or violent?";
            case UNDER13_SEXUAL_ACTIVITY -> "Sexual acts, under 13?";
            case PROFIT_MOTIVE -> "Profit motive?";
            case PARENTAL_RISK -> "Parents a risk?";
            case CHILD_DISTRESSED -> "Child distressed?";
            case MEDIA_TYPE -> "Media type";
            case SHARING -> "Sharing";
            case DEVICE -> "Device";
            case ADULT_IS_STAFF_OR_VOLUNTEER -> "Adult is staff or volunteer?";
            case THREAT_TO_SHARE -> "Threat to share?";
            case SOCIAL_CARE_STATUS -> "Social care status";
            case ONLINE_CONTACT -> "Online contact?";
            case STAFF_OR_VOLUNTEER_UNDER18 -> "Staff or volunteer under 18?";
            case IMAGERY_ORIGIN -> "Imagery origin";
        };
    }

    /** The fact whose column header is {@code label}, e.g. "Immediate danger?": the Questions sheets may name facts so. */
    public static Optional<Fact> factLabelled(String label) {
        return Arrays.stream(Fact.values()).filter(f -> label(f).equals(label)).findFirst();
    }

    private static List<ColumnSpec> columns(List<Fact> facts, List<ColumnSpec> leading, ColumnSpec outcome,
                                            ColumnSpec... trailing) {
        List<ColumnSpec> columns = new ArrayList<>();
        columns.add(ColumnSpec.id());
        columns.add(ColumnSpec.description());
        columns.add(outcome); // next to the description: what the rule does is read with what it says
        columns.addAll(leading);
        columns.addAll(factColumns(facts));
        columns.addAll(List.of(trailing));
        columns.add(ColumnSpec.guidance());
        return columns;
    }

    private static List<ColumnSpec> factColumns(List<Fact> facts) {
        List<ColumnSpec> columns = new ArrayList<>();
        for (Fact fact : facts) {
            String enumName = fact.type().getSimpleName();
            columns.add(new ColumnSpec(ColumnKind.CONDITION, label(fact), fact.fieldName() + " == " + enumName + ".$param",
                    fact.fieldName(), false, names(fact.domain().toArray(Enum[]::new))));
        }
        return columns;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
