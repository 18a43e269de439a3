package org.safeguarding.rules.tables;

import org.safeguarding.rules.files.PackageCheck;

import org.safeguarding.rules.api.Workbook;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeguarding.rules.api.Problem;
import org.safeguarding.rules.engine.RuleSetBuilder;

/**
 * A corpus of broken workbooks, each made from the shipped one the way a lead (or an attacker)
 * might, with the exact sheet, cell and message validation must report.
 */
class BrokenWorkbooksTest {
    private static final String NAME = EditedWorkbook.NAME;
    private static final int P_OUTCOME = TableTemplate.PATHWAY.column(ColumnKind.OUTCOME);

    static Stream<Arguments> corpus() {
        return Stream.of(
            broken("old workbook: header Drools would read as RULEFLOW-GROUP", () -> legacy().set("Pathway", "O5", "Reviewed by"), "Pathway", "O5", "must be exactly 'METADATA', found 'Reviewed by'"),
            broken("old workbook: header Notes would be read as NAME", () -> legacy().set("Actions", "B5", "Notes"), "Actions", "B5", "must be exactly 'DESCRIPTION'"),
            broken("old workbook: condition keyword in lower case", () -> legacy().set("Pathway", "C5", "condition"), "Pathway", "C5", "must be exactly 'CONDITION'"),
            broken("renamed column header", () -> edit().set("Pathway", "O8", "Reviewed by"), "Pathway", "O8", "must be 'Guidance (source, section)', found 'Reviewed by'"),
            broken("swapped column headers", () -> edit().set("Pathway", "C8", "Risk of self-harm?").set("Pathway", "D8", "Immediate danger?"), "Pathway", "C8", "Columns are read by their position"),
            broken("header added after the table", () -> edit().set("Actions", "U8", "Notes"), "Actions", "U8", "outside the table"),
            broken("a rule typed above the header", () -> edit().set("Pathway", "A6", "P-50"), "Pathway", "A6", "above the table's header"),
            broken("merged cells in the table", () -> edit().merge("Pathway", "C10:D10"), "Pathway", "C10:D10", "Merged cells"),
            broken("YESS in a condition", () -> edit().set("Pathway", "D9", "YESS"), "Pathway", "D9", "'YESS' is not allowed in 'Immediate danger?'"),
            broken("yes in lower case", () -> edit().set("Pathway", "E13", "yes"), "Pathway", "E13", "Did you mean YES?"),
            broken("a near miss where there is no drop-down", () -> edit().set("Policy", "A9", "L-01").set("Policy", "B9", "Refer")
                    .set("Policy", "C9", "ESCALTE").set("Policy", "P9", "Our policy"), "Policy", "C9",
                    "'ESCALTE' is not allowed in 'Then'. Did you mean ESCALATE?"),
            broken("unknown pathway", () -> edit().set("Pathway", "C9", "PANIC"), "Pathway", "C9", "'PANIC' is not allowed in 'Pathway'"),
            broken("unknown action code", () -> edit().set("Actions", "C9", "CALL_911"), "Actions", "C9", "'CALL_911' is not allowed in 'Action'"),
            broken("unknown question fact", () -> edit().set("Questions", "C9", "danger"), "Questions", "C9", "'danger' is not allowed in 'Ask about'"),
            broken("value outside a sharing column", () -> edit().set("Actions", "K32", "VIRAL"), "Actions", "K32", "'VIRAL' is not allowed in 'Sharing'"),
            broken("missing rule ID", () -> edit().set("Pathway", "A10", ""), "Pathway", "A10", "The rule has no ID"),
            broken("malformed rule ID", () -> edit().set("Pathway", "A10", "rule 2"), "Pathway", "A10", "'rule 2' is not a rule ID for this sheet"),
            broken("ID with another sheet's prefix", () -> edit().set("Actions", "A9", "P-99"), "Actions", "A9", "'P-99' is not a rule ID for this sheet"),
            broken("duplicate rule ID", () -> edit().set("Pathway", "A10", "P-01"), "Pathway", "A10", "The rule ID P-01 is also used in row 9"),
            broken("missing citation", () -> edit().set("Pathway", "O9", ""), "Pathway", "O9", "cites no guidance"),
            broken("an action text for an unknown pathway", () -> edit().set("Action texts", "C3", "PANIC"), "Action texts", "C3", "'PANIC' is not a pathway"),
            broken("two texts for one action on one pathway", () -> edit().set("Action texts", "A29", "REPORT_TO_POLICE")
                    .set("Action texts", "B29", "Again.").set("Action texts", "C29", "EMERGENCY"), "Action texts", "A29", "has two texts for EMERGENCY"),
            broken("an action text for a provisional emergency", () -> edit().set("Action texts", "A29", "REPORT_TO_POLICE")
                    .set("Action texts", "B29", "Again.").set("Action texts", "C29", "EMERGENCY (provisional)"), "Action texts", "C29",
                    "'EMERGENCY (provisional)' is not a pathway"),
            broken("a rule gives an action that has no text", () -> edit().set("Action texts", "A3", "").set("Action texts", "B3", ""),
                    "Action texts", "", "The action INITIAL_REVIEW_MEETING has no text, and a rule on the Actions sheet gives it"),
            broken("missing description", () -> edit().set("Questions", "B9", ""), "Questions", "B9", "has no description"),
            broken("missing outcome", () -> edit().set("Pathway", "C9", ""), "Pathway", "C9", "has no 'Pathway'"),
            broken("old workbook: edited code snippet", () -> legacy().set("Pathway", "N7", "System.exit(1);"), "Pathway", "N7", "Only the rows under the coloured header may be edited"),
            broken("old workbook: edited condition code", () -> legacy().set("Pathway", "C7", "true"), "Pathway", "C7", "Only the rows under the coloured header may be edited"),
            broken("old workbook: edited import row", () -> legacy().set("Pathway", "B2", "java.lang.Runtime"), "Pathway", "B2", "Only the rows under the coloured header may be edited"),
            broken("old workbook: a Functions row added", () -> legacy().set("Actions", "A3", "Functions"), "Actions", "A3", "must be 'Variables', found 'Functions'"),
            broken("old workbook: extra code in a hidden row", () -> legacy().set("Pathway", "C2", "import java.io.File"), "Pathway", "C2", "not in the template"),
            broken("old workbook: edited object type", () -> legacy().set("Pathway", "C6", "f: ActionFacts"), "Pathway", "C6", "Only the rows under the coloured header may be edited"),
            broken("old workbook: renamed rule table", () -> legacy().set("Pathway", "A4", "RuleTable Mine"), "Pathway", "A4", "must be 'RuleTable Pathway'"),
            broken("cell outside the table", () -> edit().set("Pathway", "Q9", "note to self"), "Pathway", "Q9", "outside the table"),
            broken("formula in a condition", () -> edit().formula("Pathway", "D9", "\"YES\""), "Pathway", "D9", "holds a formula"),
            broken("formula in an action text", () -> edit().formula("Action texts", "B2", "\"Call 999\""), "Action texts", "B2", "holds a formula"),
            broken("unknown contact placeholder", () -> edit().set("Action texts", "B2", "Call {POLICE} now."), "Action texts", "B2", "{POLICE} is not on the Contacts sheet"),
            broken("empty action text", () -> edit().set("Action texts", "B3", ""), "Action texts", "B3", "has no text"),
            broken("unknown action in texts", () -> edit().set("Action texts", "A3", "DO_NOT_LOOK"), "Action texts", "A3", "'DO_NOT_LOOK' is not an action code"),
            broken("question without its why", () -> edit().set("Question texts", "C2", ""), "Question texts", "C2", "needs both the question and why it matters"),
            broken("summary missing", () -> edit().set("Summaries", "C2", ""), "Summaries", "C2", "The summary is empty"),
            broken("empty contact", () -> edit().set("Contacts", "B2", ""), "Contacts", "B2", "has no value"),
            broken("row after a blank row", () -> edit().clearRow("Pathway", 29).set("Pathway", "A32", "P-40").set("Pathway", "B32", "x"), "Pathway", "row 32", "comes after the blank row 30"),
            broken("hidden rule row", () -> edit().hideRow("Pathway", 10), "Pathway", "row 10", "This rule's row is hidden"),
            broken("hidden condition column", () -> edit().hideColumn("Pathway", 4), "Pathway", "E8", "is hidden"),
            broken("extra sheet", () -> edit().addSheet("Notes", false), "Notes", "", "not part of the template"),
            broken("hidden template sheet", () -> edit().hideSheet("Contacts"), "Contacts", "", "This sheet is hidden"),
            broken("missing sheet", () -> edit().removeSheet("Summaries"), "Summaries", "", "is missing"),
            broken("old workbook: unmerged object type", () -> legacy().unmergeObjectType("Pathway"), "Pathway", "C6", "must stay merged"),
            broken("protected sheet", () -> edit().protect("Pathway"), "Pathway", "", "password-protected"),
            broken("enormous sheet", () -> edit().set("Read me", "A10001", "x"), "Read me", "", "more than 10000 rows"),
            broken("a phone number typed as a number", () -> edit().setNumber("Contacts", "B10", 1632960123d), "Contacts", "B10",
                    "typed as a number, so its leading 0 was lost: it reads 1632960123. Type it as text: start it with an apostrophe, e.g. '01632960123"),
            file("not a workbook at all", NAME, "hello, I am text".getBytes(), "not a valid Excel workbook"),
            file("a PNG renamed", NAME, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0}, "not a valid Excel workbook"),
            file("an old .xls or encrypted file", NAME, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}, "password-protected or an old-style .xls"),
            file("macro-enabled workbook", "rules.drl.xlsm", EditedWorkbook.shippedBytes(), "macro-enabled workbook"),
            file("wrong extension", "rules.drl.csv", "a,b".getBytes(), "Only .xlsx workbooks are accepted"),
            file("saved as OpenDocument", "rules.drl.ods", "a,b".getBytes(), "'Excel 2007-365 (.xlsx)'"),
            file("macros hidden inside an .xlsx", NAME, zip("xl/vbaProject.bin", new byte[100]), "contains macros"),
            file("external links", NAME, zip("xl/externalLinks/externalLink1.xml", "<x/>".getBytes()), "links to other files"),
            file("zip bomb", NAME, zip("xl/worksheets/sheet1.xml", new byte[60 * 1024 * 1024]), "expands to more than 20 MB"),
            file("oversized file", NAME, new byte[PackageCheck.MAX_FILE_BYTES + 1], "larger than 5 MB"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void is_refused_naming_the_cell(String name, Supplier<Workbook> workbook, String sheet, String cell, String message) {
        List<Problem> problems = RuleSetBuilder.build(List.of(workbook.get())).problems();
        assertThat(problems).as(name).anySatisfy(p -> {
            assertThat(p.sheet()).isEqualTo(sheet);
            assertThat(p.cell()).isEqualTo(cell);
            assertThat(p.message()).contains(message);
        });
    }

    private static EditedWorkbook edit() {
        return EditedWorkbook.ofShipped();
    }

    private static EditedWorkbook legacy() {
        return EditedWorkbook.ofLegacy();
    }

    private static Arguments broken(String name, Supplier<EditedWorkbook> edit, String sheet, String cell, String message) {
        return Arguments.of(name, (Supplier<Workbook>) () -> edit.get().toWorkbook(), sheet, cell, message);
    }

    private static Arguments file(String name, String fileName, byte[] bytes, String message) {
        return Arguments.of(name, (Supplier<Workbook>) () -> new Workbook(fileName, bytes), "", "", message);
    }

    private static byte[] zip(String part, byte[] content) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes());
            zip.putNextEntry(new ZipEntry(part));
            zip.write(content);
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
