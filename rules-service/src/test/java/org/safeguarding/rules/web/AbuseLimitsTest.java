package org.safeguarding.rules.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.safeguarding.rules.tables.EditedWorkbook;

/**
 * What the lowest role, or no role, can do to the service: limits hold before a body is read on
 * every spelling of every path, uploads are checked a few at a time, failed uploads cannot fill
 * the disk, odd ids and file names are answered, metrics tags stay bounded, and every response
 * carries its security and cache headers.
 */
@QuarkusTest
class AbuseLimitsTest {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int FIFTEEN_MB = 15 * 1024 * 1024;

    @BeforeAll
    static void token() {
        JwtKeys.defaultTokenForRequests();
    }

    /** Sends only the head of a request over a raw socket and reads the status: an answer proves the body was never needed. */
    private static String headOnly(String head) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) > 0; ) {
                response.write(buffer, 0, n);
                if (response.toString(StandardCharsets.ISO_8859_1).contains("}")) {
                    break;
                }
            }
            return response.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static int status(String response) {
        Matcher m = Pattern.compile("^HTTP/1\\.1 (\\d{3})").matcher(response);
        Assertions.assertThat(m.find()).as(response).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/decisions", "/api/v1/decisions;x=1", "/api/v1/decisions/", "/api/v1//decisions",
            "/api/v1/%64ecisions", "/api/v1/decisions;a=b/", "/api/v1/ruleset", "/api/v1/rulesets/rollback", "/nowhere", "/q/openapi"})
    void a_15_mb_body_is_refused_before_it_is_read(String path) throws Exception {
        String client = JwtKeys.token(Roles.DECISION_CLIENT);
        String response = headOnly("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + client
                + "\r\nContent-Type: application/json\r\nContent-Length: " + FIFTEEN_MB + "\r\n\r\n{\"immediateDanger\": true");
        Assertions.assertThat(status(response)).as(response).isEqualTo(413);
        Assertions.assertThat(response).contains("application/problem+json").contains("\"field\":\"body\"")
                .contains("X-Content-Type-Options: nosniff");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/decisions", "/api/v1/decisions;x=1", "/api/v1/decisions/"})
    void a_body_of_undeclared_length_is_refused(String path) throws Exception {
        String client = JwtKeys.token(Roles.DECISION_CLIENT);
        String response = headOnly("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + client
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n{\"immediateDang\r\n");
        Assertions.assertThat(status(response)).as(response).isEqualTo(411);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/rulesets", "/api/v1/rulesets/", "/api/v1/rulesets;x=1", "/api/v1//rulesets", "/api/v1/%72ulesets"})
    void an_upload_is_read_only_for_an_administrator(String path) throws Exception {
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: "
                + FIFTEEN_MB + "\r\n";
        Assertions.assertThat(status(headOnly(head + "\r\n"))).isEqualTo(401);
        Assertions.assertThat(status(headOnly(head + "Authorization: Bearer " + JwtKeys.token(Roles.DECISION_CLIENT) + "\r\n\r\n"))).isEqualTo(403);
        Assertions.assertThat(status(headOnly(head + "Authorization: Bearer junk.junk.junk\r\n\r\n"))).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"%00", "abc%00def", "0000000000000000000000000000000000000000000000000000000000000000%00",
            "..%2F..%2Fetc", "%E2%80%AE", "a"})
    void odd_version_ids_are_not_found_never_a_failure(String id) {
        given().urlEncodingEnabled(false).get("/api/v1/rulesets/" + id).then().statusCode(404).contentType("application/problem+json");
        given().urlEncodingEnabled(false).post("/api/v1/rulesets/" + id + "/activate").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/rulesets/" + "f".repeat(300)).then().statusCode(404);
    }

    @ParameterizedTest(name = "{index}")
    @ValueSource(strings = {"rules\u0000.drl.xlsx", "../../etc/passwd.drl.xlsx", "C:\\Windows\\rules.drl.xlsx", "\u202erules.drl.xlsx"})
    void odd_file_names_are_stored_safely(String name) {
        given().multiPart("workbook", name, EditedWorkbook.shippedBytes(), XLSX).multiPart("uploadedBy", "Test DSL")
                .post("/api/v1/rulesets").then().statusCode(201).body("passed", is(true));
    }

    @Test
    void a_300_character_file_name_is_stored() {
        String name = "x".repeat(300) + ".drl.xlsx";
        byte[] edited = EditedWorkbook.ofShipped().set("Pathway", "B9", "Long file name test").bytes();
        String sha = given().multiPart("workbook", name, edited, XLSX).multiPart("uploadedBy", "Test DSL")
                .post("/api/v1/rulesets").then().statusCode(201).body("passed", is(true)).extract().path("sha256");
        given().post("/api/v1/rulesets/" + sha + "/activate").then().statusCode(200);
        given().post("/api/v1/rulesets/rollback").then().statusCode(200);
    }

    @Test
    void uploads_beyond_the_check_limit_are_told_to_retry() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Response>> uploads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                byte[] workbook = EditedWorkbook.ofShipped().set("Pathway", "B9", "Edit " + i).bytes();
                Callable<Response> upload = () -> given().multiPart("workbook", EditedWorkbook.NAME, workbook, XLSX)
                        .multiPart("uploadedBy", "Test DSL").post("/api/v1/rulesets");
                uploads.add(pool.submit(upload));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> upload : uploads) {
                responses.add(upload.get());
            }
            Assertions.assertThat(responses).extracting(Response::statusCode).contains(201, 503);
            Assertions.assertThat(responses).filteredOn(r -> r.statusCode() == 503).allSatisfy(r -> {
                Assertions.assertThat(r.header("Retry-After")).isEqualTo("10");
                Assertions.assertThat(r.contentType()).startsWith("application/problem+json");
            });
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void failed_uploads_are_kept_within_a_quota() {
        // Workbooks that open but fail their checks are kept as failed versions (junk that is not a workbook at
        // all is refused before anything is stored): eight different ones, each with a wrong value.
        for (int i = 0; i < 8; i++) {
            byte[] failing = org.safeguarding.rules.tables.EditedWorkbook.ofShipped().set("Pathway", "C9", "YESS")
                    .set("Pathway", "B9", "A failing edit, number " + i).bytes();
            given().multiPart("workbook", "failing-" + i + ".drl.xlsx", failing, XLSX).multiPart("uploadedBy", "Test DSL")
                    .post("/api/v1/rulesets").then().statusCode(201).body("passed", is(false));
        }
        List<Boolean> passed = given().get("/api/v1/rulesets").then().statusCode(200).extract().path("versions.passed");
        Assertions.assertThat(passed.stream().filter(p -> !p).count()).isLessThanOrEqualTo(5);
    }

    @Test
    void junk_paths_do_not_grow_the_metrics() {
        for (int i = 0; i < 300; i++) {
            given().get("/junk/" + i).then().statusCode(404);
            given().get("/api/v1/rulesets/" + Integer.toHexString(i)).then().statusCode(404);
        }
        String metrics = given().port(Management.PORT).get("/q/metrics").then().statusCode(200).extract().asString();
        long uris = metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count"))
                .map(l -> l.replaceAll(".*uri=\"([^\"]*)\".*", "$1")).distinct().count();
        Assertions.assertThat(uris).as(metrics).isLessThanOrEqualTo(40);
        Assertions.assertThat(metrics).doesNotContain("/junk/1");
    }

    @Test
    void pages_and_api_carry_security_and_cache_headers() {
        for (String page : List.of("/", "/publish.html", "/app.js", "/app.css")) {
            given().get(page).then().statusCode(200).header("Content-Security-Policy", is(ResponseHeaders.PAGE_POLICY))
                    .header("X-Content-Type-Options", is("nosniff")).header("X-Frame-Options", is("DENY"))
                    .header("Cache-Control", is("no-cache"));
        }
        given().contentType("application/json").body("{\"immediateDanger\": true}").post("/api/v1/decisions").then()
                .statusCode(200).header("Cache-Control", is("no-store")).header("X-Content-Type-Options", is("nosniff"))
                .header("Content-Security-Policy", is(ResponseHeaders.PAGE_POLICY));
        given().contentType("application/json").body("{\"adultInvolve\": true}").post("/api/v1/decisions").then()
                .statusCode(400).header("Cache-Control", is("no-store"));
        given().get("/q/swagger-ui/").then().statusCode(200).header("Content-Security-Policy", is(ResponseHeaders.SWAGGER_POLICY));
    }
}
