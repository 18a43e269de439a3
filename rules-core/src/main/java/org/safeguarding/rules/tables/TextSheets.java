package org.safeguarding.rules.tables;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Pathway;
import org.safeguarding.rules.api.Problem;
import org.safeguarding.rules.tables.WorkbookReader.Located;

/**
 * The texts sheets of a rule workbook: Contacts, Action texts (with their wordings for one pathway
 * or a provisional decision), Question texts and Summaries, read over the {@link WorkbookReader}'s
 * cells. What is wrong goes to the reader's problems, naming the cell; a local setting still to
 * make (a contact's placeholder) to its setup warnings. It keeps where each text stands, for the
 * checks of its words, and each text that names a contact as written, for an organisation's own.
 */
final class TextSheets {
    private static final Pattern CONTACT_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** A value in square brackets, like the shipped "[number not set: ...]", is a placeholder for a local setting. */
    private static final Pattern CONTACT_PLACEHOLDER = Pattern.compile("\\[.*]", Pattern.DOTALL);

    private final WorkbookReader cells;
    private final List<Problem> problems;
    private final List<Problem> setupWarnings;
    private final Map<Pathway, Map<ActionCode, String>> pathwayActionTexts = new EnumMap<>(Pathway.class);
    private final Map<Pathway, Map<ActionCode, String>> provisionalActionTexts = new EnumMap<>(Pathway.class);
    /** Where each text was read, so a check of its words names the cell. */
    private final Map<String, TextCell> textCells = new HashMap<>();
    private final Map<String, List<String>> contactTemplates = new LinkedHashMap<>();

    TextSheets(WorkbookReader cells, List<Problem> problems, List<Problem> setupWarnings) {
        this.cells = cells;
        this.problems = problems;
        this.setupWarnings = setupWarnings;
    }

    Map<Pathway, Map<ActionCode, String>> pathwayActionTexts() {
        return pathwayActionTexts;
    }

    Map<Pathway, Map<ActionCode, String>> provisionalActionTexts() {
        return provisionalActionTexts;
    }

    Map<String, TextCell> textCells() {
        return textCells;
    }

    Map<String, List<String>> contactTemplates() {
        return contactTemplates;
    }

    private List<Row> dataRows(Located located) {
        return cells.dataRows(located);
    }

    private String text(Located located, Row row, int column) {
        return cells.text(located, row, column);
    }

    private boolean hasProblemIn(Located located) {
        return cells.hasProblemIn(located);
    }

    private static <E extends Enum<E>> Optional<E> enumNamed(Class<E> type, String name) {
        return WorkbookReader.enumNamed(type, name);
    }

    private static String names(Enum<?>[] values) {
        return WorkbookReader.names(values);
    }

    Map<String, String> contacts(Located located) {
        Map<String, String> contacts = new LinkedHashMap<>();
        for (Row row : dataRows(located)) {
            String name = text(located, row, 0);
            String value = text(located, row, 1);
            String cell = "A" + (row.getRowNum() + 1);
            if (!CONTACT_NAME.matcher(name).matches()) {
                problems.add(new Problem(located.workbook(), located.sheet().getSheetName(), cell, "'" + name
                        + "' is not a contact name. Use capital letters, digits and underscores, e.g. LOCAL_CHILDRENS_SERVICES."));
            } else if (value.isEmpty()) {
                problems.add(new Problem(located.workbook(), located.sheet().getSheetName(), "B" + (row.getRowNum() + 1),
                        "The contact " + name + " has no value. Fill it in."));
            } else if (contacts.putIfAbsent(name, value) != null) {
                problems.add(new Problem(located.workbook(), located.sheet().getSheetName(), cell, "The contact " + name + " is listed twice. Keep one."));
            } else if (CONTACT_PLACEHOLDER.matcher(value).matches()) {
                setupWarnings.add(new Problem(located.workbook(), located.sheet().getSheetName(), "B" + (row.getRowNum() + 1),
                        "The contact " + name + " is not set yet: every text that uses it shows the placeholder. Type your own "
                                + "value here (for a phone number, as text so its leading 0 is kept)."));
            } else if (row.getCell(1).getCellType() == CellType.NUMERIC && !isServiceNumber(value)) {
                // A number typed into a General cell loses its leading 0: 01632960123 is stored as 1632960123,
                // and a lead would be given a number that rings nobody. Refused, never a tick-box warning.
                problems.add(new Problem(located.workbook(), located.sheet().getSheetName(), "B" + (row.getRowNum() + 1),
                        "The contact " + name + " was typed as a number, so its leading 0 was lost: it reads " + value
                                + ". Type it as text: start it with an apostrophe, e.g. '0" + value
                                + ", or format the cell as Text and type it again."));
            }
        }
        return contacts;
    }

    /**
     * Short numbers that start with no 0 (999, 101, 111, 116 123, 112): a number cell keeps them
     * whole. UK numbers with an area or service code have 10 or 11 digits and start with 0.
     */
    static boolean isServiceNumber(String digits) {
        return digits.matches("[1-9][0-9]{2,5}");
    }

    /** The action codes the Actions rows give, and CALL_999 (the 999 advice of any refusal): each needs a text. */
    static java.util.Set<ActionCode> given(List<RuleRow> actionRows) {
        java.util.Set<ActionCode> codes = java.util.EnumSet.of(ActionCode.CALL_999);
        for (RuleRow row : actionRows) {
            enumNamed(ActionCode.class, row.outcome()).ifPresent(codes::add);
        }
        return codes;
    }

    /** "ESCALATE (provisional)": the wording while a decision on that pathway is provisional. */
    private static final Pattern PROVISIONAL_VARIANT = Pattern.compile("(ESCALATE|HANDLE_INTERNALLY) \\(provisional\\)");
    /** What the "Only on this pathway" column may hold besides blank. */
    static final List<String> ONLY_ON = List.of("EMERGENCY", "ESCALATE", "HANDLE_INTERNALLY", "ESCALATE (provisional)",
            "HANDLE_INTERNALLY (provisional)");

    Map<ActionCode, String> actionTexts(Located located, Map<String, String> contacts, java.util.Set<ActionCode> given) {
        Map<ActionCode, String> texts = new LinkedHashMap<>();
        for (Row row : dataRows(located)) {
            String code = text(located, row, 0);
            String text = text(located, row, 1);
            String onlyOn = text(located, row, 2);
            int excelRow = row.getRowNum() + 1;
            Optional<ActionCode> action = enumNamed(ActionCode.class, code);
            Matcher provisional = PROVISIONAL_VARIANT.matcher(onlyOn);
            boolean isProvisional = provisional.matches();
            Optional<Pathway> pathway = enumNamed(Pathway.class, isProvisional ? provisional.group(1) : onlyOn);
            if (!onlyOn.isEmpty() && pathway.isEmpty()) {
                problems.add(new Problem(located.workbook(), located.sheet().getSheetName(), "C" + excelRow, "'" + onlyOn
                        + "' is not a pathway. Use one of " + String.join(", ", ONLY_ON) + ", or leave it blank for the text used on any pathway."));
            } else if (action.isPresent() && pathway.isPresent() && !text.isEmpty()) {
                Map<Pathway, Map<ActionCode, String>> variants = isProvisional ? provisionalActionTexts : pathwayActionTexts;
                textCells.putIfAbsent(TextCell.actionKey(action.get(), pathway.get(), isProvisional), cell(located, "B" + excelRow));
                if (variants.computeIfAbsent(pathway.get(), p -> new EnumMap<>(ActionCode.class))
                        .putIfAbsent(action.get(), fillContacts(located, "B" + excelRow, text, contacts)) != null) {
                    problems.add(new Problem(located.workbook(), located.sheet().getSheetName(), "A" + excelRow, "The action " + code
                            + " has two texts for " + onlyOn + ". Keep one."));
                }
            } else if (action.isEmpty()) {
                problems.add(new Problem(located.workbook(), located.sheet().getSheetName(), "A" + excelRow, "'" + code
                        + "' is not an action code. The codes are fixed: " + names(ActionCode.values()) + "."));
            } else if (text.isEmpty()) {
                problems.add(new Problem(located.workbook(), located.sheet().getSheetName(), "B" + excelRow, "The action " + code + " has no text. Say what to do."));
            } else if (texts.containsKey(action.get())) {
                problems.add(new Problem(located.workbook(), located.sheet().getSheetName(), "A" + excelRow, "The action " + code + " is listed twice. Keep one."));
            } else {
                textCells.put(TextCell.actionKey(action.get(), null, false), cell(located, "B" + excelRow));
                texts.put(action.get(), fillContacts(located, "B" + excelRow, text, contacts));
            }
        }
        for (ActionCode code : given) {
            if (!texts.containsKey(code) && !hasProblemIn(located)) {
                problems.add(new Problem(located.workbook(), located.sheet().getSheetName(), "", "The action " + code
                        + " has no text, and a rule on the Actions sheet gives it. Add a row for it."));
            }
        }
        return Collections.unmodifiableMap(texts);
    }

    private String fillContacts(Located located, String cell, String text, Map<String, String> contacts) {
        String filled = ContactText.fill(text, contacts, name -> problems.add(new Problem(located.workbook(), located.sheet().getSheetName(),
                cell, "{" + name + "} is not on the Contacts sheet. Add it there, or use one of " + String.join(", ", contacts.keySet()) + ".")));
        if (!filled.equals(text)) {
            List<String> templates = contactTemplates.computeIfAbsent(filled, f -> new ArrayList<>(1));
            if (!templates.contains(text)) {
                templates.add(text);
            }
        }
        return filled;
    }

    /** The facts the Questions rows ask about: each needs a question text. */
    static java.util.Set<Fact> asked(List<RuleRow> questionRows) {
        java.util.Set<Fact> facts = java.util.EnumSet.noneOf(Fact.class);
        for (RuleRow row : questionRows) {
            Fact.byFieldName(row.outcome()).ifPresent(facts::add);
        }
        return facts;
    }

    Map<Fact, QuestionText> questionTexts(Located located, java.util.Set<Fact> asked) {
        Map<Fact, QuestionText> texts = new LinkedHashMap<>();
        for (Row row : dataRows(located)) {
            String code = text(located, row, 0);
            int excelRow = row.getRowNum() + 1;
            Optional<Fact> fact = Fact.byFieldName(code).or(() -> TableTemplate.factLabelled(code));
            QuestionText text = new QuestionText(text(located, row, 1), text(located, row, 2));
            if (fact.isEmpty()) {
                problems.add(new Problem(located.workbook(), located.sheet().getSheetName(), "A" + excelRow, "'" + code
                        + "' is not a fact. Questions are about: " + String.join(", ", factNames()) + "."));
            } else if (text.text().isEmpty() || text.why().isEmpty()) {
                problems.add(new Problem(located.workbook(), located.sheet().getSheetName(), (text.text().isEmpty() ? "B" : "C") + excelRow,
                        "The question about " + code + " needs both the question and why it matters."));
            } else if (texts.putIfAbsent(fact.get(), text) == null) {
                textCells.put(TextCell.questionKey(fact.get()), cell(located, "B" + excelRow));
            } else {
                problems.add(new Problem(located.workbook(), located.sheet().getSheetName(), "A" + excelRow, "The question about " + code + " is listed twice. Keep one."));
            }
        }
        for (Fact fact : asked) {
            if (!texts.containsKey(fact) && !hasProblemIn(located)) {
                problems.add(new Problem(located.workbook(), located.sheet().getSheetName(), "", "There is no question about " + fact.fieldName()
                        + ", which a rule on the Questions sheet asks. Add a row for it."));
            }
        }
        return Collections.unmodifiableMap(texts);
    }

    Map<Pathway, Map<Boolean, String>> summaries(Located located) {
        Map<Pathway, Map<Boolean, String>> summaries = new EnumMap<>(Pathway.class);
        for (Row row : dataRows(located)) {
            int excelRow = row.getRowNum() + 1;
            Optional<Pathway> pathway = enumNamed(Pathway.class, text(located, row, 0));
            String provisional = text(located, row, 1);
            String summary = text(located, row, 2);
            if (pathway.isEmpty()) {
                problems.add(new Problem(located.workbook(), located.sheet().getSheetName(), "A" + excelRow, "Use one of " + names(Pathway.values()) + "."));
            } else if (!provisional.equals("YES") && !provisional.equals("NO")) {
                problems.add(new Problem(located.workbook(), located.sheet().getSheetName(), "B" + excelRow, "Use YES or NO."));
            } else if (summary.isEmpty()) {
                problems.add(new Problem(located.workbook(), located.sheet().getSheetName(), "C" + excelRow, "The summary is empty. Write one sentence a DSL can read aloud."));
            } else if (summaries.computeIfAbsent(pathway.get(), p -> new HashMap<>()).putIfAbsent(provisional.equals("YES"), summary) == null) {
                textCells.put(TextCell.summaryKey(pathway.get(), provisional.equals("YES")), cell(located, "C" + excelRow));
            } else {
                problems.add(new Problem(located.workbook(), located.sheet().getSheetName(), "A" + excelRow, "This pathway and provisional pair is listed twice. Keep one."));
            }
        }
        for (Pathway pathway : Pathway.values()) {
            for (boolean provisional : new boolean[] {false, true}) {
                if (!summaries.getOrDefault(pathway, Map.of()).containsKey(provisional)) {
                    problems.add(new Problem(located.workbook(), located.sheet().getSheetName(), "", "There is no summary for "
                            + pathway + " with provisional " + (provisional ? "YES" : "NO") + ". Add a row for it."));
                }
            }
        }
        summaries.replaceAll((p, m) -> Map.copyOf(m));
        return Collections.unmodifiableMap(summaries);
    }

    private static TextCell cell(Located located, String cell) {
        return new TextCell(located.workbook(), located.sheet().getSheetName(), cell);
    }

    /** The last row with a cell that is not blank (-1 if none), read without judging any cell. */

    private static List<String> factNames() {
        return java.util.Arrays.stream(Fact.values()).map(TableTemplate::label).toList();
    }
}
