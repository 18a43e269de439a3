package org.safeguarding.rules.web;

import static io.restassured.RestAssured.given;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safeguarding.rules.tables.EditedWorkbook;

/**
 * Hostile workbooks uploaded to the running service: each is refused with a clear message,
 * in bounded time, without leaking anything it tried to read, and the active version is
 * unchanged.
 */
@QuarkusTest
class HostileWorkbooksTest {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String XXE = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
            + "<is><t>&xxe;</t></is></c></row></sheetData></worksheet>";
    private static final String LAUGHS = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
            + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\"><!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
            + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\"><!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
            + "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\"><!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
            + "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
            + "<is><t>&lol9;</t></is></c></row></sheetData></worksheet>";

    @BeforeAll
    static void token() {
        JwtKeys.defaultTokenForRequests();
    }

    /** The shipped workbook with one part replaced (or added). */
    static byte[] withPart(String part, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(EditedWorkbook.shippedBytes()));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            boolean replaced = false;
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(part)) {
                    zip.write(content);
                    replaced = true;
                } else {
                    in.transferTo(zip);
                }
            }
            if (!replaced) {
                zip.putNextEntry(new ZipEntry(part));
                zip.write(content);
            }
        }
        return out.toByteArray();
    }

    static byte[] enormousSheet() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (int r = 1; r <= 400_000; r++) {
            xml.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\"><v>").append(r).append("</v></c></row>");
        }
        return xml.append("</sheetData></worksheet>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The finding that started this: a rule written into a description cell. Uploaded in every
     * free-text cell of the rule sheets, of a current and an old workbook, it stays words: the
     * upload passes (the words are valid), the code never runs during the checks or after
     * activation, and decisions quote the words as written.
     */
    @Test
    void code_in_descriptions_and_citations_never_runs() throws Exception {
        java.nio.file.Path canary = java.nio.file.Path.of("target", "canary-" + java.util.UUID.randomUUID()).toAbsolutePath();
        String payload = "Harmless */ rule \"INJECTED\" when then java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                + canary + "\"), \"ran\"); end /* tail";
        for (boolean legacy : new boolean[] {false, true}) {
            EditedWorkbook edited = legacy ? EditedWorkbook.ofLegacy() : EditedWorkbook.ofShipped();
            for (org.safeguarding.rules.tables.SheetTemplate current : org.safeguarding.rules.tables.TableTemplate.RULE_SHEETS) {
                // An old workbook has the earliest layout of Actions and Questions (no staff column).
                var sheet = legacy ? org.safeguarding.rules.tables.TableTemplate.earlierLayouts(current).stream().reduce((newer, older) -> older).orElse(current) : current;
                int description = sheet.column(org.safeguarding.rules.tables.ColumnKind.DESCRIPTION);
                int guidance = sheet.column(org.safeguarding.rules.tables.ColumnKind.GUIDANCE);
                for (int row = 9; row < 9 + 15; row++) {
                    edited.set(sheet.sheetName(), org.apache.poi.ss.util.CellReference.convertNumToColString(description) + row, "Rule " + row + " " + payload);
                    edited.set(sheet.sheetName(), org.apache.poi.ss.util.CellReference.convertNumToColString(guidance) + row, "NSPCC " + payload);
                }
            }
            var checked = given().multiPart("workbook", "injected.drl.xlsx", edited.bytes(), XLSX).multiPart("uploadedBy", "Test DSL")
                    .post("/api/v1/rulesets").then().statusCode(201).body("report.problems", org.hamcrest.Matchers.empty());
            if (legacy) {
                // Valid, but an old workbook has no column to tell the LADO about staff (properties 11 and 7), and lacks
                // the initial review meeting the shipped scenarios now expect.
                checked.body("passed", org.hamcrest.Matchers.is(false))
                        .body("report.safety.findings.property", org.hamcrest.Matchers.hasItems(11, 7))
                        .body("report.safety.findings.property", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.isOneOf(11, 7, 12)));
                Assertions.assertThat(canary).as("injected code ran").doesNotExist();
                continue;
            }
            String sha = checked.body("report.safety.safe", org.hamcrest.Matchers.is(true)).body("passed", org.hamcrest.Matchers.is(true))
                    .extract().path("sha256");
            given().post("/api/v1/rulesets/" + sha + "/activate").then().statusCode(200);
            for (int i = 0; i < 200; i++) {
                given().contentType("application/json").body(i % 2 == 0 ? "{\"immediateDanger\": true}" : "{}").post("/api/v1/decisions")
                        .then().statusCode(200).body("reasons[0].text", org.hamcrest.Matchers.endsWith(payload));
            }
            given().post("/api/v1/rulesets/rollback").then().statusCode(200);
            Assertions.assertThat(canary).as("injected code ran").doesNotExist();
        }
    }

    @Test
    void every_hostile_workbook_is_refused_and_the_active_version_kept() throws Exception {
        String active = given().get("/api/v1/ruleset").then().extract().path("sha256");
        Map<String, byte[]> hostile = new LinkedHashMap<>();
        hostile.put("external entity (XXE).drl.xlsx", withPart("xl/worksheets/sheet1.xml", XXE.getBytes(StandardCharsets.UTF_8)));
        hostile.put("entity expansion (billion laughs).drl.xlsx", withPart("xl/worksheets/sheet1.xml", LAUGHS.getBytes(StandardCharsets.UTF_8)));
        hostile.put("XXE in content types.drl.xlsx", withPart("[Content_Types].xml", XXE.getBytes(StandardCharsets.UTF_8)));
        hostile.put("enormous sheet.drl.xlsx", withPart("xl/worksheets/sheet1.xml", enormousSheet()));
        hostile.put("zip bomb.drl.xlsx", withPart("xl/media/image1.png", new byte[30 * 1024 * 1024]));
        hostile.put("macros inside.drl.xlsx", withPart("xl/vbaProject.bin", new byte[512]));
        hostile.put("macro-enabled.drl.xlsm", EditedWorkbook.shippedBytes());
        hostile.put("renamed picture.drl.xlsx", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        hostile.put("renamed pdf.drl.xlsx", "%PDF-1.7\n1 0 obj <<>> endobj\n".getBytes(StandardCharsets.UTF_8));
        hostile.put("old xls or encrypted.drl.xlsx", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        hostile.put("old workbook, code row runs Java.drl.xlsx", EditedWorkbook.ofLegacy().set("Pathway", "N7", "java.lang.Runtime.getRuntime().halt(1);").bytes());
        hostile.put("old workbook, import smuggled in.drl.xlsx", EditedWorkbook.ofLegacy().set("Actions", "B2", "java.lang.Runtime").bytes());
        hostile.put("code in a condition cell.drl.xlsx", EditedWorkbook.ofShipped().set("Pathway", "D9", "YES) || java.lang.Runtime.getRuntime().halt(1) || (true").bytes());
        for (Map.Entry<String, byte[]> workbook : hostile.entrySet()) {
            long start = System.nanoTime();
            io.restassured.response.Response response = given().multiPart("workbook", workbook.getKey(), workbook.getValue(), XLSX)
                    .multiPart("uploadedBy", "Test DSL").post("/api/v1/rulesets");
            String body = response.asString();
            long millis = (System.nanoTime() - start) / 1_000_000;
            JsonPath json = new JsonPath(body);
            // Not a readable .xlsx at all: refused before anything is stored. Otherwise: stored as a version that failed its checks.
            Assertions.assertThat(response.statusCode()).as(workbook.getKey()).isIn(201, 422);
            if (response.statusCode() == 422) {
                Assertions.assertThat(json.getList("errors")).as(workbook.getKey()).isNotEmpty();
            } else {
                Assertions.assertThat(json.getBoolean("passed")).as(workbook.getKey()).isFalse();
                Assertions.assertThat(json.getList("report.problems")).as(workbook.getKey()).isNotEmpty();
            }
            Assertions.assertThat(body).as(workbook.getKey()).doesNotContain("Exception").doesNotContain("lollol");
            Assertions.assertThat(millis).as(workbook.getKey() + " refused in bounded time").isLessThan(30_000);
            System.out.printf("hostile workbook %-45s refused in %5d ms: %s%n", workbook.getKey(), millis,
                    response.statusCode() == 422 ? json.getString("errors[0].message") : json.getString("report.problems[0].message"));
        }
        given().get("/api/v1/ruleset").then().statusCode(200).body("sha256", org.hamcrest.Matchers.is(active));
        given().contentType("application/json").body("{\"immediateDanger\": true}").post("/api/v1/decisions").then()
                .statusCode(200).body("pathway", org.hamcrest.Matchers.is("EMERGENCY"));
    }
}
