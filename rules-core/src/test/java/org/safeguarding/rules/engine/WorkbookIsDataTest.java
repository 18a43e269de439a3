package org.safeguarding.rules.engine;

import org.safeguarding.rules.RuleSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.safeguarding.rules.analysis.RuleSetReview;
import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Problem;
import org.safeguarding.rules.api.Recommendation;
import org.safeguarding.rules.tables.ColumnKind;
import org.safeguarding.rules.tables.ColumnSpec;
import org.safeguarding.rules.tables.EditedWorkbook;
import org.safeguarding.rules.tables.RuleTables;
import org.safeguarding.rules.tables.SheetTemplate;
import org.safeguarding.rules.tables.TableTemplate;
import org.safeguarding.rules.api.Workbook;
import org.safeguarding.rules.tables.WorkbookReader;

/**
 * A workbook is data, never code. Code written into any cell a lead can type in, of a current or
 * an old-format workbook, must never run: a canary file that the injected rule would write must
 * not appear through reading, compiling, proving and deciding, and the words stay words.
 */
class WorkbookIsDataTest {
    /** Closes the comment Drools' decision-table compiler put descriptions in, then writes a whole rule. */
    private static String injection(Path canary) {
        return "Harmless words */ rule \"INJECTED\" when then java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                + canary.toString().replace("\\", "/") + "\"), \"ran\"); end /* and a harmless tail";
    }

    static Stream<Arguments> formats() {
        return Stream.of(Arguments.of("current", EditedWorkbook.shippedBytes()), Arguments.of("old, with technical rows", EditedWorkbook.legacyBytes()));
    }

    @ParameterizedTest(name = "{0} workbook")
    @MethodSource("formats")
    void code_in_every_free_text_cell_of_every_sheet_stays_text(String format, byte[] original, @TempDir Path dir) throws Exception {
        Path canary = dir.resolve("CANARY");
        String payload = injection(canary);
        byte[] hostile;
        List<String> changed = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(original))) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (isFreeText(sheet, cell)) {
                            cell.setCellValue(cell.getStringCellValue() + " " + payload);
                            changed.add(sheet.getSheetName() + "!" + new CellReference(cell).formatAsString(false));
                        }
                    }
                }
            }
            var out = new java.io.ByteArrayOutputStream();
            book.write(out);
            hostile = out.toByteArray();
        }
        assertThat(changed).as("free-text cells injected").hasSizeGreaterThan(200);

        RuleSetReview.Outcome outcome = RuleSetReview.review(List.of(new Workbook(EditedWorkbook.NAME, hostile)), List.of(), java.util.Optional.empty());
        assertThat(outcome.report().problems()).as("words are data: the workbook is valid").isEmpty();
        // The old layout has no column to tell the LADO about staff (safety property 11): everything else is proven safe.
        assertThat(outcome.report().safety().orElseThrow().findings()).extracting(org.safeguarding.rules.api.SafetyFinding::property)
                .isSubsetOf(format.equals("current") ? List.of() : List.of(11, 7, 12));
        Decider decider = RuleSetBuilder.build(List.of(new Workbook(EditedWorkbook.NAME, hostile))).decider().orElseThrow();
        Recommendation r = decider.decide(Incident.builder().immediateDanger(Answer.YES).build());
        for (int i = 0; i < 2_000; i++) {
            decider.decide(Incident.builder().immediateDanger(i % 2 == 0 ? Answer.NO : Answer.UNKNOWN).consentGiven(Answer.YES).build());
        }
        assertThat(canary).as("no injected code ran").doesNotExist();
        assertThat(r.reasons()).allSatisfy(reason -> assertThat(reason.text()).endsWith(payload));
        assertThat(r.actions()).allSatisfy(action -> assertThat(action.guidance()).endsWith(payload));

        RuleTables tables = WorkbookReader.read(List.of(new Workbook(EditedWorkbook.NAME, hostile))).tables().orElseThrow();
        for (SheetTemplate sheet : TableTemplate.RULE_SHEETS) {
            assertThat(DrlGenerator.generate(sheet, tables.rows(sheet))).doesNotContain("INJECTED", "Harmless", "writeString", "/*");
        }
    }

    /** Descriptions, citations, texts, contacts, the read-me and the notes above each table: everything not a drop-down or ID. */
    private static boolean isFreeText(Sheet sheet, Cell cell) {
        if (cell.getCellType() != org.apache.poi.ss.usermodel.CellType.STRING || cell.getStringCellValue().isBlank()) {
            return false;
        }
        var template = TableTemplate.ruleSheet(sheet.getSheetName());
        if (template.isEmpty()) {
            // Texts sheets: column A holds the code or pathway (a closed list), the rest are words. Read me: all words.
            // Closed lists there: Summaries' Provisional? column, Action texts' pathway column.
            return sheet.getSheetName().equals(TableTemplate.READ_ME_SHEET) || cell.getColumnIndex() >= 1
                    && !(sheet.getSheetName().equals(TableTemplate.SUMMARIES_SHEET) && cell.getColumnIndex() == 1)
                    && !(sheet.getSheetName().equals(TableTemplate.ACTION_TEXTS_SHEET) && cell.getColumnIndex() == 2)
                    && cell.getRowIndex() >= 1;
        }
        if (cell.getRowIndex() <= SheetTemplate.HEADER_ROW) {
            // Notes above a current table are words; an old workbook's technical rows are checked to the letter instead.
            return cell.getRowIndex() < SheetTemplate.HEADER_ROW && !sheet.getRow(0).getCell(0).getStringCellValue().equals("RuleSet");
        }
        // An old workbook has the earlier layout of the Actions and Questions sheets (no staff column).
        SheetTemplate layout = java.util.stream.Stream.concat(java.util.stream.Stream.of(template.get()), TableTemplate.earlierLayouts(template.get()).stream())
                .filter(l -> l.columns().get(l.columns().size() - 1).label().equals(header(sheet, l.columns().size() - 1)))
                .findFirst().orElseThrow();
        ColumnKind kind = cell.getColumnIndex() < layout.columns().size() ? layout.columns().get(cell.getColumnIndex()).kind() : null;
        return kind == ColumnKind.DESCRIPTION || kind == ColumnKind.GUIDANCE;
    }

    private static String header(Sheet sheet, int column) {
        Cell cell = sheet.getRow(SheetTemplate.HEADER_ROW).getCell(column);
        return cell == null ? "" : cell.getStringCellValue();
    }

    /** DRL and MVEL metacharacters, alone and after a valid value, in every cell of a rule row that reaches the rules. */
    @ParameterizedTest(name = "payload {index}")
    @ValueSource(strings = {"*/", "\"", "end", "rule", "$", "@", "#", "//", "\n", "\\u0022", "YES*/ rule \"X\" when then end /*",
            "YES\"); System.exit(1); //", "YES\nend\nrule \"X\" when then System.exit(1); end", "${7*7}", "@{System.exit(1)}", "\u202e"})
    void metacharacters_in_cells_that_reach_the_rules_are_refused_by_cell(String payload) {
        for (SheetTemplate sheet : TableTemplate.RULE_SHEETS) {
            for (boolean afterValue : new boolean[] {false, true}) {
                EditedWorkbook edited = EditedWorkbook.ofShipped();
                List<String> cells = new ArrayList<>();
                int excelRow = SheetTemplate.FIRST_DATA_ROW + 2;
                for (int c = 0; c < sheet.columns().size(); c++) {
                    ColumnSpec column = sheet.columns().get(c);
                    if (column.kind() == ColumnKind.DESCRIPTION || column.kind() == ColumnKind.GUIDANCE) {
                        continue;
                    }
                    String valid = column.kind() == ColumnKind.ID ? sheet.idPrefix() + "-77" : column.allowed().get(0);
                    String cell = CellReference.convertNumToColString(c) + excelRow;
                    edited.set(sheet.sheetName(), cell, afterValue ? valid + payload : payload);
                    cells.add(cell);
                }
                List<Problem> problems = WorkbookReader.read(List.of(edited.toWorkbook())).problems();
                for (String cell : cells) {
                    String value = afterValue ? "after a value" : "alone";
                    if (payload.isBlank()) {
                        continue; // white space is ignored: the cell reads as the valid value, or as blank ("any value")
                    }
                    assertThat(problems).as(sheet.sheetName() + "!" + cell + " with the payload " + value)
                            .anySatisfy(p -> {
                                assertThat(p.sheet()).isEqualTo(sheet.sheetName());
                                assertThat(p.cell()).isEqualTo(cell);
                            });
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"YES*/", "YES\"", "YES\nend", "YES)", "X-01"})
    void the_generator_refuses_a_value_that_escaped_the_reader(String value) {
        RuleTables tables = WorkbookReader.read(List.of(new Workbook(EditedWorkbook.NAME, EditedWorkbook.shippedBytes()))).tables().orElseThrow();
        var row = tables.pathwayRows().get(0);
        var hostile = value.startsWith("X")
                ? new org.safeguarding.rules.tables.RuleRow(row.workbook(), row.sheet(), row.excelRow(), value, row.description(), row.conditions(), row.outcome(), row.guidance())
                : new org.safeguarding.rules.tables.RuleRow(row.workbook(), row.sheet(), row.excelRow(), row.id(), row.description(),
                        Map.of("immediateDanger", value), row.outcome(), row.guidance());
        assertThatThrownBy(() -> DrlGenerator.generate(TableTemplate.PATHWAY, List.of(hostile))).isInstanceOf(IllegalArgumentException.class);
    }

    /** Not even in the file's parts: a lead's workbook holds no code, visible or hidden. */
    @org.junit.jupiter.api.Test
    void the_shipped_workbook_has_no_java_name_anywhere() throws Exception {
        try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(EditedWorkbook.shippedBytes()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String part = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(part).as(entry.getName()).doesNotContain("org.safeguarding", "drools", "$param", "java.", "RuleTable");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void an_old_workbook_still_decides_like_the_current_one_but_for_the_initial_review_staff_police_threats_and_social_care() throws Exception {
        Decider current = RuleSetBuilder.build(List.of(new Workbook(EditedWorkbook.NAME, EditedWorkbook.shippedBytes()))).decider().orElseThrow();
        Decider old = RuleSetBuilder.build(List.of(new Workbook(EditedWorkbook.NAME, EditedWorkbook.legacyBytes()))).decider().orElseThrow();
        var staffRules = java.util.Set.of("A-28", "A-29", "A-30", "Q-16", "Q-17", "A-33", "A-34", "Q-18", "Q-19",
                "A-35", "A-36", "A-37", "A-38", "Q-20",
                // CEOP where the abuse came online: with the contact not yet known, A-39 to A-43 stand for A-08 to A-11 and A-32.
                "A-08", "A-09", "A-10", "A-11", "A-39", "A-40", "A-41", "A-42", "A-43", "A-44", "Q-21", "Q-22");
        var random = new java.util.Random(7);
        for (int i = 0; i < 5_000; i++) {
            FactVector values = FactVector.allUnknown();
            for (var fact : org.safeguarding.rules.api.Fact.values()) {
                List<Enum<?>> domain = fact.domain();
                values.set(fact, domain.get(random.nextInt(domain.size())));
            }
            // The facts added after the last layout kept here, at the values that decide as before: the contact not yet known
            // to be online or not (CEOP for any adult or coercion), no young member of staff, and real imagery.
            values.set(org.safeguarding.rules.api.Fact.ONLINE_CONTACT, org.safeguarding.rules.api.Answer.UNKNOWN);
            values.set(org.safeguarding.rules.api.Fact.IMAGERY_ORIGIN, org.safeguarding.rules.api.ImageryOrigin.TAKEN);
            values.set(org.safeguarding.rules.api.Fact.STAFF_OR_VOLUNTEER_UNDER18, org.safeguarding.rules.api.Answer.NO);
            Decider.PathwayStep a = current.pathwayStep(values, Integer.MAX_VALUE);
            Decider.PathwayStep was = old.pathwayStep(values, Integer.MAX_VALUE);
            assertThat(List.of(was.pathway(), was.provisional(), ruleIds(was.served().reasons())))
                    .isEqualTo(List.of(a.pathway(), a.provisional(), ruleIds(a.served().reasons())));
            // The changes since the old format: the initial review meeting (A-28) for a provisional decision, and
            // allegations against staff (A-29, A-30 and the questions Q-16, Q-17), which the old layout has no column for.
            Outcome now = Outcome.of(current.outcomeStep(values, Integer.MAX_VALUE, a));
            assertThat(now.actions().contains(org.safeguarding.rules.api.ActionCode.INITIAL_REVIEW_MEETING)).isEqualTo(a.provisional());
            assertThat(now.actions().contains(org.safeguarding.rules.api.ActionCode.REFER_LADO))
                    .isEqualTo(values.get(org.safeguarding.rules.api.Fact.ADULT_IS_STAFF_OR_VOLUNTEER) == org.safeguarding.rules.api.Answer.YES);
            var added = java.util.EnumSet.of(org.safeguarding.rules.api.ActionCode.INITIAL_REVIEW_MEETING,
                    org.safeguarding.rules.api.ActionCode.REFER_LADO, org.safeguarding.rules.api.ActionCode.INFORM_HEADTEACHER);
            // And the police on the ESCALATE pathway: only when a criterion that needs them is established or not yet ruled out.
            boolean escalate = a.pathway() == org.safeguarding.rules.api.Pathway.ESCALATE;
            if (escalate) {
                assertThat(now.actions().contains(org.safeguarding.rules.api.ActionCode.REPORT_TO_POLICE))
                        .isEqualTo(ActionFacts.policeCriterion(values) != org.safeguarding.rules.api.Answer.NO);
                added.add(org.safeguarding.rules.api.ActionCode.REPORT_TO_POLICE);
            }
            // And CEOP while an adult may be involved (A-32), which the old workbook has no row for.
            boolean adultMayBe = values.get(org.safeguarding.rules.api.Fact.ADULT_INVOLVED) == org.safeguarding.rules.api.Answer.UNKNOWN;
            if (escalate && adultMayBe) {
                assertThat(now.actions()).contains(org.safeguarding.rules.api.ActionCode.REPORT_TO_CEOP);
                added.add(org.safeguarding.rules.api.ActionCode.REPORT_TO_CEOP);
            }
            // And a threat to share (A-33, A-34 and the questions Q-18, Q-19), which the old layout has no column for.
            boolean threat = values.get(org.safeguarding.rules.api.Fact.THREAT_TO_SHARE) == org.safeguarding.rules.api.Answer.YES;
            assertThat(now.actions().contains(org.safeguarding.rules.api.ActionCode.SEXTORTION_ADVICE)).isEqualTo(threat);
            added.add(org.safeguarding.rules.api.ActionCode.SEXTORTION_ADVICE);
            if (threat) {
                added.add(org.safeguarding.rules.api.ActionCode.REPORT_TO_CEOP); // A-44: CEOP for a threat, online or not
            }
            if (now.rules().contains("A-34") && !now.rules().contains("A-24") && !now.rules().contains("A-25")) {
                added.add(org.safeguarding.rules.api.ActionCode.CHILDLINE_REPORT_REMOVE);
            }
            // And a child known to children's social care (A-35 to A-38 and the question Q-20): their social worker, and a
            // looked-after child's virtual school head.
            var status = values.get(org.safeguarding.rules.api.Fact.SOCIAL_CARE_STATUS);
            assertThat(now.actions().contains(org.safeguarding.rules.api.ActionCode.INFORM_SOCIAL_WORKER))
                    .isEqualTo(status != org.safeguarding.rules.api.SocialCareStatus.NONE && status != org.safeguarding.rules.api.SocialCareStatus.UNKNOWN);
            assertThat(now.actions().contains(org.safeguarding.rules.api.ActionCode.INFORM_VIRTUAL_SCHOOL_HEAD))
                    .isEqualTo(status == org.safeguarding.rules.api.SocialCareStatus.LOOKED_AFTER);
            added.add(org.safeguarding.rules.api.ActionCode.INFORM_SOCIAL_WORKER);
            added.add(org.safeguarding.rules.api.ActionCode.INFORM_VIRTUAL_SCHOOL_HEAD);
            java.util.function.Predicate<String> changedRule = id -> staffRules.contains(id)
                    || escalate && (id.equals("A-05") || id.equals("A-31") || id.equals("A-32"));
            Outcome withoutNew = new Outcome(
                    now.actions().stream().filter(c -> !added.contains(c)).toList(),
                    now.rules().stream().filter(changedRule.negate()).toList(),
                    now.questions().stream().filter(q -> !q.equals("adultIsStaffOrVolunteer") && !q.equals("threatToShare") && !q.equals("socialCareStatus")
                            && !q.equals("onlineContact")).toList());
            Outcome before = Outcome.of(old.outcomeStep(values, Integer.MAX_VALUE, a));
            assertThat(new Outcome(before.actions().stream().filter(c -> !added.contains(c)).toList(),
                    before.rules().stream().filter(changedRule.negate()).toList(), before.questions()))
                    .isEqualTo(withoutNew);
        }
        assertThat(Files.exists(Path.of("CANARY"))).isFalse();
    }

    private static List<String> ruleIds(org.safeguarding.rules.api.Reason[] reasons) {
        return java.util.Arrays.stream(reasons).map(org.safeguarding.rules.api.Reason::rule).toList();
    }

    /** An outcome as codes, rule IDs and question fields, to compare two workbooks' decisions. */
    private record Outcome(List<org.safeguarding.rules.api.ActionCode> actions, List<String> rules, List<String> questions) {
        static Outcome of(Decider.OutcomePart part) {
            // Actions come in each workbook's own Action texts order, which the old layout had otherwise.
            return new Outcome(part.actionCodes().stream().sorted().toList(), java.util.Arrays.stream(part.reasons()).map(org.safeguarding.rules.api.Reason::rule).toList(),
                    part.questions().stream().map(q -> q.code().fieldName()).toList());
        }
    }

    @org.junit.jupiter.api.Test
    void an_old_workbook_is_read_but_refused_until_it_tells_the_LADO() {
        var review = org.safeguarding.rules.RuleSet.review(List.of(new Workbook(EditedWorkbook.NAME, EditedWorkbook.legacyBytes())),
                List.of(), java.util.Optional.empty());
        assertThat(review.report().problems()).isEmpty();
        assertThat(review.report().safety().orElseThrow().findings()).extracting(org.safeguarding.rules.api.SafetyFinding::property).containsOnly(11, 7, 12);
        // Both actions property 11 names, each said once; the advice names the sheet's column, not a row of the shipped workbook.
        assertThat(review.report().safety().orElseThrow().findings()).filteredOn(f -> f.property() == 11)
                .extracting(org.safeguarding.rules.api.SafetyFinding::message)
                .satisfiesExactlyInAnyOrder(m -> assertThat(m).contains("REFER_LADO", "Adult is staff or volunteer?").doesNotContain("A-29"),
                        m -> assertThat(m).contains("INFORM_HEADTEACHER", "Adult is staff or volunteer?").doesNotContain("A-30"));
        assertThat(review.passed()).isEmpty();
    }
}
