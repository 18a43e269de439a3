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
            "org.safeguarding.rules.engine.ActionFacts");
    /** What an old workbook's Import row must hold. */
    public static final String IMPORTS = String.join(", ", IMPORTED_TYPES);
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

    /** The facts the Actions table may read besides the pathway and provisional. */
    public static final List<Fact> ACTION_FACTS = List.of(
            Fact.ADULT_INVOLVED, Fact.COERCION_OR_BLACKMAIL, Fact.PARENTAL_RISK, Fact.CHILD_DISTRESSED,
            Fact.DEVICE, Fact.SHARING);

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
                    new ColumnSpec(ColumnKind.CONDITION, "Media type is not", "mediaType != MediaType.$param",
                            Fact.MEDIA_TYPE.fieldName(), true, names(Fact.MEDIA_TYPE.domain().toArray(Enum[]::new)))));

    public static final SheetTemplate QUESTIONS = new SheetTemplate("Questions", "Q", "f: ActionFacts",
            columns(List.of(Fact.values()), List.of(), new ColumnSpec(ColumnKind.OUTCOME, "Ask about",
                    "out.ask(\"$param\", drools.getRule().getName());", "", false,
                    Arrays.stream(Fact.values()).map(Fact::fieldName).toList())));

    public static final List<SheetTemplate> RULE_SHEETS = List.of(PATHWAY, ACTIONS, QUESTIONS);

    /** Every sheet a rule set has, in the order a lead sees them. */
    public static final List<String> SHEET_ORDER = List.of(READ_ME_SHEET, PATHWAY.sheetName(),
            ACTIONS.sheetName(), QUESTIONS.sheetName(), ACTION_TEXTS_SHEET, QUESTION_TEXTS_SHEET,
            SUMMARIES_SHEET, CONTACTS_SHEET);

    private TableTemplate() {
    }

    public static Optional<SheetTemplate> ruleSheet(String sheetName) {
        return RULE_SHEETS.stream().filter(s -> s.sheetName().equals(sheetName)).findFirst();
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
        };
    }

    private static List<ColumnSpec> columns(List<Fact> facts, List<ColumnSpec> leading, ColumnSpec outcome,
                                            ColumnSpec... trailing) {
        List<ColumnSpec> columns = new ArrayList<>();
        columns.add(ColumnSpec.id());
        columns.add(ColumnSpec.description());
        columns.addAll(leading);
        for (Fact fact : facts) {
            String enumName = fact.type().getSimpleName();
            columns.add(new ColumnSpec(ColumnKind.CONDITION, label(fact), fact.fieldName() + " == " + enumName + ".$param",
                    fact.fieldName(), false, names(fact.domain().toArray(Enum[]::new))));
        }
        columns.addAll(List.of(trailing));
        columns.add(outcome);
        columns.add(ColumnSpec.guidance());
        return columns;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
