package org.safeguarding.rules.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.safeguarding.rules.tables.ColumnKind;
import org.safeguarding.rules.tables.EditedWorkbook;
import org.safeguarding.rules.tables.TableTemplate;

/** Uploading, checking, activating and rolling back rule sets while decisions go on. */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuleSetAdminTest {
    @org.junit.jupiter.api.BeforeAll
    static void token() {
        JwtKeys.defaultTokenForRequests();
    }

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String LOCAL_NUMBER = "0300 555 0101";

    @TestHTTPResource("/")
    URI base;

    static ValidatableResponse upload(byte[] workbook) {
        return given().multiPart("workbook", EditedWorkbook.NAME, workbook, XLSX).multiPart("uploadedBy", "Test DSL")
                .when().post("/api/v1/rulesets").then();
    }

    static String activeSha() {
        return given().get("/api/v1/ruleset").then().extract().path("sha256");
    }

    /** The shipped tables with the local children's services number filled in: a safe edit. */
    static byte[] withLocalNumber() {
        return EditedWorkbook.ofShipped().set(TableTemplate.CONTACTS_SHEET, "B5", LOCAL_NUMBER).bytes();
    }

    @Test
    @Order(1)
    void the_bundled_tables_are_the_first_active_version() {
        String active = activeSha();
        given().get("/api/v1/rulesets").then().statusCode(200).body("active", is(active))
                .body("versions.find { it.sha256 == '" + active + "' }.uploadedBy", is("bundled"))
                .body("versions.find { it.sha256 == '" + active + "' }.passed", is(true));
    }

    @Test
    @Order(2)
    void a_workbook_with_a_wrong_value_is_stored_as_failed_naming_the_cell_and_cannot_be_activated() {
        String sha = upload(EditedWorkbook.ofShipped().set("Pathway", "C9", "YESS").bytes()).statusCode(201)
                .body("passed", is(false)).body("report.problems[0].sheet", is("Pathway"))
                .body("report.problems[0].cell", is("C9")).extract().path("sha256");
        given().post("/api/v1/rulesets/" + sha + "/activate").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("failed its checks"));
    }

    @Test
    @Order(3)
    void an_unsafe_edit_fails_with_a_counterexample_and_a_safety_regression() {
        int outcome = TableTemplate.PATHWAY.column(ColumnKind.OUTCOME);
        upload(EditedWorkbook.ofShipped().setRule(TableTemplate.PATHWAY, "P-09", outcome, "HANDLE_INTERNALLY").bytes())
                .statusCode(201).body("passed", is(false))
                .body("report.safety.findings.property", hasItem(8))
                .body("report.safety.findings.find { it.property == 8 }.counterexample.consentGiven", is("NO"))
                .body("report.impact.safetyRegression", is(true));
    }

    @Test
    @Order(3)
    void edits_giving_internal_actions_on_a_referral_or_losing_999_are_refused_at_upload() {
        int outcome = TableTemplate.ACTIONS.column(ColumnKind.OUTCOME);
        upload(EditedWorkbook.ofShipped().setRule(TableTemplate.ACTIONS, "A-03", outcome, "HANDLE_WITHIN_ORGANISATION").bytes())
                .statusCode(201).body("passed", is(false)).body("report.safety.findings.property", hasItem(4));
        upload(EditedWorkbook.ofShipped().setRule(TableTemplate.ACTIONS, "A-01", outcome, "REPORT_TO_POLICE").bytes())
                .statusCode(201).body("passed", is(false)).body("report.safety.findings.property", hasItem(3));
    }

    @Test
    @Order(2)
    void the_live_workbook_downloads_byte_for_byte_to_edit() throws Exception {
        String active = activeSha();
        byte[] downloaded = given().get("/api/v1/rulesets/" + active + "/workbook").then().statusCode(200)
                .header("Content-Disposition", containsString(".drl.xlsx")).extract().asByteArray();
        Assertions.assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(downloaded)))
                .as("the version's SHA-256 is the workbook's").isEqualTo(active);
        given().get("/api/v1/rulesets/" + "0".repeat(64) + "/workbook").then().statusCode(404);
        given().get("/api/v1/rulesets/" + active + "/workbook?name=other.drl.xlsx").then().statusCode(404)
                .body("detail", containsString(".drl.xlsx"));
    }

    @Test
    @Order(2)
    void an_upload_keeps_its_note_and_a_name_with_a_comma() {
        String note = "Local number from the LA, as agreed at the safeguarding meeting.\nSecond line.";
        byte[] unique = EditedWorkbook.ofShipped().set(TableTemplate.CONTACTS_SHEET, "B5", "0300 555 0177").bytes();
        String sha = given().multiPart("workbook", EditedWorkbook.NAME, unique, XLSX).multiPart("uploadedBy", "Ms Patel, DSL")
                .multiPart("note", note).post("/api/v1/rulesets").then().statusCode(201)
                .body("uploadedBy", is("Ms Patel, DSL")).body("note", is(note)).extract().path("sha256");
        given().get("/api/v1/rulesets").then().statusCode(200)
                .body("versions.find { it.sha256 == '" + sha + "' }.note", is(note));
        given().multiPart("workbook", EditedWorkbook.NAME, withLocalNumber(), XLSX).multiPart("uploadedBy", "Lead")
                .multiPart("note", "x".repeat(RuleSetAdminResource.MAX_NOTE + 1)).post("/api/v1/rulesets").then().statusCode(400)
                .body("errors.field", hasItem("note"));
    }

    @Test
    @Order(3)
    void a_changed_safety_text_is_shown_before_and_after_and_needs_confirming_before_activation() {
        String before = activeSha();
        String changed = "Never look at, copy or keep the image, video or message. If you saw it by accident, say so in the record.";
        String sha = upload(EditedWorkbook.ofShipped().set(TableTemplate.ACTION_TEXTS_SHEET, "B4", changed).bytes())
                .statusCode(201).body("passed", is(true)).body("report.impact.needsConfirmation", is(true))
                .body("report.impact.textChanges.find { it.key == 'DO_NOT_VIEW_IMAGERY' }.after", is(changed))
                .body("report.impact.textChanges.find { it.key == 'DO_NOT_VIEW_IMAGERY' }.before", containsString("Do not look at"))
                .body("report.impact.textChanges.find { it.key == 'DO_NOT_VIEW_IMAGERY' }.warning", containsString("keeps a child safe"))
                .extract().path("sha256");
        given().post("/api/v1/rulesets/" + sha + "/activate").then().statusCode(409).body("detail", containsString("confirmed=true"))
                .body("type", is("urn:safeguarding:problem:needs-confirmation"));
        Assertions.assertThat(activeSha()).isEqualTo(before);
        given().queryParam("confirmed", true).post("/api/v1/rulesets/" + sha + "/activate").then().statusCode(200);
        Assertions.assertThat(activeSha()).isEqualTo(sha);
        // Going back brings the old wording back: that is a change of a safety text against the live version too.
        given().post("/api/v1/rulesets/rollback").then().statusCode(409).body("detail", containsString("confirmed=true"))
                .body("type", is("urn:safeguarding:problem:needs-confirmation"));
        given().post("/api/v1/rulesets/rollback?confirmed=true").then().statusCode(200).body("sha256", is(before));
    }

    /** Safety property 12: a text telling staff to look at the image is refused, naming its cell, and can never be activated. */
    @Test
    void a_text_telling_staff_to_look_at_the_image_is_refused_naming_its_cell() {
        String unsafe = "Look at the image yourself and save a copy for the file.";
        upload(EditedWorkbook.ofShipped().set(TableTemplate.ACTION_TEXTS_SHEET, "B4", unsafe).bytes())
                .statusCode(201).body("passed", is(false))
                .body("report.safety.findings.find { it.property == 12 }.message", containsString("staff never handle it"))
                .body("report.safety.findings.find { it.property == 12 }.rules[0].cell", is("B4"))
                .body("report.safety.findings.find { it.property == 12 }.rules[0].sheet", is("Action texts"));
    }

    @Test
    @Order(3)
    void a_phone_number_stored_as_a_number_is_refused_naming_its_cell_and_a_service_number_is_not() {
        byte[] numeric = EditedWorkbook.ofShipped().setNumber(TableTemplate.CONTACTS_SHEET, "B5", 3001234567d).bytes();
        upload(numeric).statusCode(201).body("passed", is(false))
                .body("report.problems.find { it.cell == 'B5' }.message", containsString("leading 0 was lost"))
                .body("report.problems.find { it.cell == 'B5' }.message", containsString("'03001234567"));
        byte[] shortNumber = EditedWorkbook.ofShipped().setNumber(TableTemplate.CONTACTS_SHEET, "B5", 101d).bytes();
        upload(shortNumber).statusCode(201).body("passed", is(true))
                .body("report.impact.textChanges.find { it.sheet == 'Contacts' }.warning", is(""));
    }

    @Test
    @Order(4)
    void a_good_edit_is_activated_changes_decisions_and_rolls_back() {
        String before = activeSha();
        String sha = upload(withLocalNumber()).statusCode(201).body("passed", is(true))
                .body("report.scenarios.failed", is(0)).body("report.impact.safetyRegression", is(false)).extract().path("sha256");
        given().post("/api/v1/rulesets/" + sha + "/activate").then().statusCode(200).body("active", is(true));
        Assertions.assertThat(activeSha()).isEqualTo(sha);
        given().get("/api/v1/rulesets").then().statusCode(200).body("rollbackTo", is(before));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/decisions").then().statusCode(200)
                .body("ruleSet.sha256", is(sha))
                .body("actions.find { it.code == 'REFER_CHILDRENS_SOCIAL_CARE' }.text", containsString(LOCAL_NUMBER));
        given().post("/api/v1/rulesets/rollback").then().statusCode(200).body("sha256", is(before));
        given().get("/api/v1/audit?limit=3").then().statusCode(200)
                .body("entries[0].action", is("rollback")).body("entries[0].sha256", is(before))
                .body("entries[1].action", is("activate")).body("entries[1].sha256", is(sha))
                .body("entries[1].subject", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
        given().get("/api/v1/audit?limit=0").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/decisions").then().statusCode(200)
                .body("ruleSet.sha256", is(before))
                .body("actions.find { it.code == 'REFER_CHILDRENS_SOCIAL_CARE' }.text", org.hamcrest.Matchers.not(containsString(LOCAL_NUMBER)));
    }

    @Test
    @Order(5)
    void decisions_during_many_activations_each_use_exactly_the_version_they_name() throws Exception {
        String original = activeSha();
        String edited = upload(withLocalNumber()).statusCode(201).extract().path("sha256");
        HttpClient client = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger decisions = new AtomicInteger();
        AtomicInteger droppedConnections = new AtomicInteger();
        Map<String, AtomicInteger> byVersion = new ConcurrentHashMap<>();
        List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            workers.add(pool.submit(() -> {
                HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/decisions")).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + JwtKeys.token(Roles.DECISION_CLIENT))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"immediateDanger\": false}")).build();
                boolean lastWasDropped = false;
                while (running.get()) {
                    try {
                        HttpResponse<String> response;
                        try {
                            response = client.send(request, HttpResponse.BodyHandlers.ofString());
                            lastWasDropped = false;
                        } catch (java.io.IOException dropped) {
                            // This test is about which version answers, not about the transport: a kept-alive connection
                            // closed under it (seen once in CI on two busy cores) is sent again on a new one. Twice in a
                            // row, or more than a few in all, is a finding.
                            if (lastWasDropped || droppedConnections.incrementAndGet() > 3) {
                                throw dropped;
                            }
                            lastWasDropped = true;
                            continue;
                        }
                        if (response.statusCode() != 200) {
                            errors.add("status " + response.statusCode());
                            continue;
                        }
                        JsonNode body = json.readTree(response.body());
                        String version = body.at("/ruleSet/sha256").asText();
                        boolean hasNumber = response.body().contains(LOCAL_NUMBER);
                        if (version.equals(edited) != hasNumber || !(version.equals(edited) || version.equals(original))) {
                            errors.add("response names " + version + " but its content belongs to the other version");
                        }
                        byVersion.computeIfAbsent(version, v -> new AtomicInteger()).incrementAndGet();
                        decisions.incrementAndGet();
                    } catch (Exception e) {
                        errors.add(e.toString());
                    }
                }
            }));
        }
        try {
            for (int i = 0; i < 60; i++) {
                given().post("/api/v1/rulesets/" + edited + "/activate").then().statusCode(200);
                given().post("/api/v1/rulesets/rollback").then().statusCode(200);
            }
        } finally {
            running.set(false);
            for (Future<?> worker : workers) {
                worker.get();
            }
            pool.shutdownNow();
        }
        Assertions.assertThat(errors).isEmpty();
        Assertions.assertThat(decisions.get()).isPositive();
        Assertions.assertThat(byVersion).containsKeys(original, edited);
        Assertions.assertThat(activeSha()).isEqualTo(original);
    }

    @Test
    @Order(6)
    void bad_uploads_are_refused_naming_the_field() {
        given().multiPart("uploadedBy", "Test DSL").post("/api/v1/rulesets").then().statusCode(400)
                .body("errors.field", hasItem("workbook"));
        given().multiPart("workbook", "x.drl.xlsx", new byte[] {1, 2, 3}, XLSX).post("/api/v1/rulesets").then().statusCode(400)
                .body("errors.field", hasItem("uploadedBy"));
        given().post("/api/v1/rulesets/" + "0".repeat(64) + "/activate").then().statusCode(404);
        given().get("/api/v1/rulesets/not-a-sha").then().statusCode(404);
    }

    /**
     * Issue 25: activating an older version, and undoing, are judged against the live version at that
     * moment, not the report of the upload. A number that lost its 0 (typed as text, so it passed with a
     * warning) and then corrected: going back to it asks again for the tick.
     */
    @Test
    @Order(7)
    void activation_and_undo_are_judged_against_the_live_version() {
        byte[] noZero = EditedWorkbook.ofShipped().set(TableTemplate.CONTACTS_SHEET, "B10", "1632960123").bytes();
        byte[] corrected = EditedWorkbook.ofShipped().set(TableTemplate.CONTACTS_SHEET, "B10", "01632 960123").bytes();
        String wrong = upload(noZero).statusCode(201).body("passed", is(true)).extract().path("sha256");
        given().post("/api/v1/rulesets/" + wrong + "/activate?confirmed=true").then().statusCode(200);
        String fixed = upload(corrected).statusCode(201).body("passed", is(true))
                .body("report.impact.needsConfirmation", is(false)).extract().path("sha256");
        given().post("/api/v1/rulesets/" + fixed + "/activate").then().statusCode(200);

        // Going back to the number without its 0: the changes against the live version say so, and ask again.
        given().get("/api/v1/rulesets/" + wrong + "/changes").then().statusCode(200).body("live", is(fixed))
                .body("impact.needsConfirmation", is(true))
                .body("impact.textChanges.find { it.key == 'LADO' }.before", is("01632 960123"))
                .body("impact.textChanges.find { it.key == 'LADO' }.after", is("1632960123"))
                .body("impact.textChanges.find { it.key == 'LADO' }.warning", containsString("leading 0"));
        given().post("/api/v1/rulesets/rollback").then().statusCode(409).body("detail", containsString("against the live version"));
        given().post("/api/v1/rulesets/" + wrong + "/activate").then().statusCode(409);
        Assertions.assertThat(activeSha()).isEqualTo(fixed);
        given().post("/api/v1/rulesets/rollback?confirmed=true").then().statusCode(200).body("sha256", is(wrong));
        // The live version itself changes nothing.
        given().get("/api/v1/rulesets/" + wrong + "/changes").then().statusCode(200).body("impact", is((Object) null));
    }
}
