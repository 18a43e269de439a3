package org.safeguarding.rules.scenarios;

import org.safeguarding.rules.api.Scenario;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.ConsentByStep;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Pathway;
import org.safeguarding.rules.api.Person;
import org.safeguarding.rules.api.Problem;
import org.safeguarding.rules.tables.SheetCells;
import org.safeguarding.rules.api.Role;

/**
 * Reads a scenario workbook: a sheet named "Scenarios" whose first row names the columns and
 * whose other rows are cases. Fact columns are headed in words as on the rule sheets (e.g.
 * {@code Immediate danger?}) or by the fact's field name (e.g.
 * {@code immediateDanger}); a blank fact cell means not yet known. Every value is checked and
 * a bad one is reported by its cell, never guessed.
 */
public final class ScenarioWorkbook {
    public static final String SHEET = "Scenarios";
    public static final String ID = "ID";
    public static final String DESCRIPTION = "What happened";
    public static final String GUIDANCE = "Guidance";
    public static final String PEOPLE = "People (role age, ...)";
    /** What was agreed at each step (optional columns: a workbook without them reads the steps as not known). */
    public static final String CONSENT_TO_MAKING = "Consent to making?";
    public static final String CONSENT_TO_SENDING = "Consent to sending?";
    public static final String CONSENT_TO_FORWARDING = "Consent to forwarding?";
    private static final List<String> CONSENT_STEPS = List.of(CONSENT_TO_MAKING, CONSENT_TO_SENDING, CONSENT_TO_FORWARDING);
    /** After a person's age: they work or volunteer for the setting. */
    private static final String STAFF = "STAFF";
    public static final String PATHWAY = "Expected pathway";
    public static final String PROVISIONAL = "Provisional?";
    public static final String MUST_INCLUDE = "Actions that must appear";
    public static final String MUST_NOT_INCLUDE = "Actions that must not appear";
    public static final String MUST_FIRE = "Rules that must fire";

    /**
     * Facts added after scenario workbooks were first written: a workbook without their column
     * reads them as not known, so a setting's own scenarios keep working.
     */
    private static final java.util.Set<String> OPTIONAL_FACTS = java.util.Set.of(Fact.ADULT_IS_STAFF_OR_VOLUNTEER.fieldName(),
            Fact.THREAT_TO_SHARE.fieldName(), Fact.SOCIAL_CARE_STATUS.fieldName(), Fact.ONLINE_CONTACT.fieldName(),
            Fact.STAFF_OR_VOLUNTEER_UNDER18.fieldName(), Fact.IMAGERY_ORIGIN.fieldName());

    private static final Map<String, String> FACT_BY_LABEL = java.util.Arrays.stream(Fact.values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(org.safeguarding.rules.tables.TableTemplate::label, Fact::fieldName));

    /** Every column, in the order the shipped workbook has them. */
    public static List<String> headers() {
        List<String> headers = new ArrayList<>(List.of(ID, DESCRIPTION, GUIDANCE));
        Arrays.stream(Fact.values()).map(Fact::fieldName).forEach(headers::add);
        headers.addAll(CONSENT_STEPS);
        headers.addAll(List.of(PEOPLE, PATHWAY, PROVISIONAL, MUST_INCLUDE, MUST_NOT_INCLUDE, MUST_FIRE));
        return headers;
    }

    /** The scenarios, or the problems (by cell) that stop them being read. */
    public record Result(List<Scenario> scenarios, List<Problem> problems) {
    }

    private final String name;
    private final List<Problem> problems = new ArrayList<>();
    /** Cells are read as the rule workbooks' are: a formula is refused, with its cell. */
    private final SheetCells cells;

    private ScenarioWorkbook(String name) {
        this.name = name;
        this.cells = new SheetCells(name);
    }

    public static Result read(String name, byte[] bytes) {
        return new ScenarioWorkbook(name).readAll(bytes);
    }

    private Result readAll(byte[] bytes) {
        List<Scenario> scenarios = new ArrayList<>();
        // The same guard as the rule workbooks: size, zip bombs, active content, before POI parses anything.
        Optional<String> refusal = org.safeguarding.rules.files.PackageCheck.refusal(name, bytes);
        if (refusal.isPresent()) {
            problems.add(new Problem(name, "", "", refusal.get()));
            return new Result(List.of(), problems);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getSheet(SHEET);
            if (sheet == null) {
                problems.add(new Problem(name, "", "", "There is no sheet named '" + SHEET + "'. Start from the shipped scenarios.xlsx."));
                return new Result(List.of(), problems);
            }
            Map<String, Integer> columns = columns(sheet);
            if (!problems.isEmpty()) {
                return new Result(List.of(), problems);
            }
            for (int r = 1, last = SheetCells.lastUsedRow(sheet); r <= last; r++) {
                Row row = sheet.getRow(r);
                if (SheetCells.isBlank(row)) {
                    continue;
                }
                scenario(row, columns).ifPresent(scenarios::add);
            }
        } catch (Exception | LinkageError e) {
            problems.add(new Problem(name, "", "", "This file cannot be opened as an Excel workbook (.xlsx)."));
        }
        return new Result(scenarios, problems);
    }

    private Map<String, Integer> columns(Sheet sheet) {
        Map<String, Integer> columns = new HashMap<>();
        Row header = sheet.getRow(0);
        if (header != null) {
            for (Cell cell : header) {
                String label = text(header, cell.getColumnIndex());
                // A fact's column may be headed in words, as on the rule sheets ("Immediate danger?"), or by its field name.
                String key = FACT_BY_LABEL.getOrDefault(label, label);
                columns.put(key, cell.getColumnIndex());
            }
        }
        for (String expected : headers()) {
            if (!columns.containsKey(expected) && !OPTIONAL_FACTS.contains(expected) && !CONSENT_STEPS.contains(expected)) {
                String named = Fact.byFieldName(expected).map(f -> "'" + org.safeguarding.rules.tables.TableTemplate.label(f) + "' ("
                        + expected + ")").orElse("'" + expected + "'");
                problems.add(new Problem(name, SHEET, "row 1", "The column " + named + " is missing from the header row."));
            }
        }
        return columns;
    }

    private Optional<Scenario> scenario(Row row, Map<String, Integer> columns) {
        int before = problems.size();
        int excelRow = row.getRowNum() + 1;
        String id = text(row, columns.get(ID));
        if (id.isEmpty()) {
            problem(row, columns.get(ID), "The scenario has no ID. Give it one, e.g. S-99.");
        }
        Incident.Builder builder = Incident.builder();
        for (Fact fact : Fact.values()) {
            Integer column = columns.get(fact.fieldName());
            if (column == null) {
                continue; // an optional fact's column, left out: not known
            }
            String value = text(row, column);
            if (value.isEmpty()) {
                continue;
            }
            Optional<Enum<?>> parsed = fact.valueNamed(value);
            if (parsed.isPresent()) {
                builder.set(fact, parsed.get());
            } else {
                problem(row, column, "'" + value + "' is not a value of " + fact.fieldName() + ". Use one of "
                        + String.join(", ", fact.domain().stream().map(Enum::name).toList()) + ", or leave it blank for not known.");
            }
        }
        builder.people(people(row, columns.get(PEOPLE)));
        Answer[] steps = new Answer[CONSENT_STEPS.size()];
        for (int i = 0; i < steps.length; i++) {
            Integer column = columns.get(CONSENT_STEPS.get(i));
            String value = column == null ? "" : text(row, column);
            steps[i] = value.isEmpty() ? Answer.UNKNOWN : Arrays.stream(Answer.values()).filter(a -> a.name().equals(value)).findFirst().orElse(null);
            if (steps[i] == null) {
                problem(row, column, "'" + value + "' is not YES, NO or UNKNOWN. Leave it blank when it is not known, or the step did not happen.");
                steps[i] = Answer.UNKNOWN;
            }
        }
        builder.consentByStep(new ConsentByStep(steps[0], steps[1], steps[2]));
        String pathwayText = text(row, columns.get(PATHWAY));
        Optional<Pathway> pathway = Arrays.stream(Pathway.values()).filter(p -> p.name().equals(pathwayText)).findFirst();
        if (pathway.isEmpty()) {
            problem(row, columns.get(PATHWAY), "The expected pathway must be EMERGENCY, ESCALATE or HANDLE_INTERNALLY: "
                    + "every incident gets a decision.");
        }
        String provisionalText = text(row, columns.get(PROVISIONAL));
        Optional<Boolean> provisional = Optional.empty();
        if (provisionalText.equals("YES") || provisionalText.equals("NO")) {
            provisional = Optional.of(provisionalText.equals("YES"));
        } else if (!provisionalText.isEmpty()) {
            problem(row, columns.get(PROVISIONAL), "Use YES, NO, or leave it blank not to check.");
        }
        List<ActionCode> include = actions(row, columns.get(MUST_INCLUDE));
        List<ActionCode> exclude = actions(row, columns.get(MUST_NOT_INCLUDE));
        List<String> fire = list(text(row, columns.get(MUST_FIRE)));
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Scenario(name, excelRow, id, text(row, columns.get(DESCRIPTION)), text(row, columns.get(GUIDANCE)),
                builder.build(), pathway.orElseThrow(), provisional, include, exclude, fire));
    }

    /** Each entry is ROLE[+ROLE...] [AGE] [STAFF], e.g. PICTURED+SHARER 15, or REQUESTER 16 STAFF. */
    private List<Person> people(Row row, int column) {
        List<Person> people = new ArrayList<>();
        for (String entry : list(text(row, column))) {
            List<String> parts = new ArrayList<>(List.of(entry.split("\\s+")));
            boolean staff = parts.size() > 1 && parts.get(parts.size() - 1).equals(STAFF);
            if (staff) {
                parts.remove(parts.size() - 1);
            }
            List<Role> roles = new ArrayList<>();
            boolean rolesKnown = true;
            for (String name : parts.get(0).split("\\+")) {
                Optional<Role> role = Arrays.stream(Role.values()).filter(r -> r.name().equals(name)).findFirst();
                rolesKnown &= role.isPresent();
                role.ifPresent(roles::add);
            }
            boolean ageKnown = parts.size() == 2;
            Integer age = ageKnown && parts.get(1).matches("[0-9]{1,3}") ? Integer.valueOf(parts.get(1)) : null;
            boolean rolesOnce = roles.stream().distinct().count() == roles.size();
            if (!rolesKnown || !rolesOnce || parts.size() > 2 || ageKnown && (age == null || age > Person.MAX_AGE)) {
                problem(row, column, "'" + entry + "' is not a person. Write each as ROLE AGE, e.g. CREATOR 15, or ROLE alone "
                        + "when the age is not known, separated by commas; join several roles with +, e.g. PICTURED+SHARER 15, "
                        + "and add STAFF for someone who works or volunteers for the setting, e.g. REQUESTER 16 STAFF.");
            } else {
                people.add(new Person(roles, age, staff ? Answer.YES : Answer.UNKNOWN));
            }
        }
        return people;
    }

    private List<ActionCode> actions(Row row, int column) {
        List<ActionCode> actions = new ArrayList<>();
        for (String code : list(text(row, column))) {
            Optional<ActionCode> action = Arrays.stream(ActionCode.values()).filter(a -> a.name().equals(code)).findFirst();
            if (action.isPresent()) {
                actions.add(action.get());
            } else {
                problem(row, column, "'" + code + "' is not an action code.");
            }
        }
        return actions;
    }

    private static List<String> list(String text) {
        return text.isEmpty() ? List.of() : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private void problem(Row row, int column, String message) {
        problems.add(new Problem(name, SHEET, new CellReference(row.getRowNum(), column).formatAsString(false), message));
    }

    private String text(Row row, int column) {
        SheetCells.CellText read = cells.read(row.getSheet(), row.getCell(column));
        read.problem().ifPresent(problems::add);
        return read.text();
    }
}
