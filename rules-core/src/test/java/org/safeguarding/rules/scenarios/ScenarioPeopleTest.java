package org.safeguarding.rules.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.ConsentByStep;
import org.safeguarding.rules.api.Person;
import org.safeguarding.rules.api.Problem;
import org.safeguarding.rules.api.Role;

/** A scenario says what each person did (several roles, STAFF) and what was agreed at each step (issue 26, situation 4). */
class ScenarioPeopleTest {

    private static byte[] workbook(String people, String making, String forwarding) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet(ScenarioWorkbook.SHEET);
            List<String> headers = ScenarioWorkbook.headers();
            Row header = sheet.createRow(0);
            Row row = sheet.createRow(1);
            for (int c = 0; c < headers.size(); c++) {
                header.createCell(c).setCellValue(headers.get(c));
            }
            row.createCell(headers.indexOf(ScenarioWorkbook.ID)).setCellValue("S-1");
            row.createCell(headers.indexOf(ScenarioWorkbook.PATHWAY)).setCellValue("ESCALATE");
            row.createCell(headers.indexOf(ScenarioWorkbook.PEOPLE)).setCellValue(people);
            row.createCell(headers.indexOf(ScenarioWorkbook.CONSENT_TO_MAKING)).setCellValue(making);
            row.createCell(headers.indexOf(ScenarioWorkbook.CONSENT_TO_FORWARDING)).setCellValue(forwarding);
            book.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void several_roles_staff_and_consent_by_step_are_read() throws Exception {
        ScenarioWorkbook.Result read = ScenarioWorkbook.read("ours.xlsx", workbook("PICTURED+SHARER 15, REQUESTER 16 STAFF, REPORTER", "YES", "NO"));
        assertThat(read.problems()).isEmpty();
        assertThat(read.scenarios()).singleElement().satisfies(s -> {
            assertThat(s.incident().people()).containsExactly(new Person(List.of(Role.PICTURED, Role.SHARER), 15, Answer.UNKNOWN),
                    new Person(List.of(Role.REQUESTER), 16, Answer.YES), new Person(Role.REPORTER, null));
            assertThat(s.incident().consentByStep()).isEqualTo(new ConsentByStep(Answer.YES, Answer.UNKNOWN, Answer.NO));
        });
    }

    @Test
    void a_mistake_is_named_by_its_cell() throws Exception {
        int people = ScenarioWorkbook.headers().indexOf(ScenarioWorkbook.PEOPLE);
        int making = ScenarioWorkbook.headers().indexOf(ScenarioWorkbook.CONSENT_TO_MAKING);
        String peopleCell = new org.apache.poi.ss.util.CellReference(1, people).formatAsString(false);
        String makingCell = new org.apache.poi.ss.util.CellReference(1, making).formatAsString(false);
        for (String wrong : List.of("PICTURED+FORWARDER 15", "SHARER+SHARER 15", "REQUESTER 16 STAF", "PICTURED 15 STAFF 2")) {
            assertThat(ScenarioWorkbook.read("ours.xlsx", workbook(wrong, "", "")).problems()).as(wrong)
                    .extracting(Problem::cell).containsExactly(peopleCell);
        }
        assertThat(ScenarioWorkbook.read("ours.xlsx", workbook("PICTURED 15", "MAYBE", "")).problems()).singleElement()
                .satisfies(p -> {
                    assertThat(p.cell()).isEqualTo(makingCell);
                    assertThat(p.message()).contains("'MAYBE' is not YES, NO or UNKNOWN");
                });
    }
}
