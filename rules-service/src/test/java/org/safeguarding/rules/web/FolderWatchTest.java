package org.safeguarding.rules.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.safeguarding.rules.tables.EditedWorkbook;
import org.safeguarding.rules.tables.TableTemplate;

/** Tables deployed as files: a good change goes live, a bad one is refused and the old version kept. */
@QuarkusTest
@TestProfile(FolderWatchTest.Watching.class)
class FolderWatchTest {
    @org.junit.jupiter.api.BeforeAll
    static void token() {
        JwtKeys.defaultTokenForRequests();
    }

    static final Path FOLDER = createFolder();

    public static class Watching implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("safeguarding.watch.path", FOLDER.toString(), "safeguarding.watch.interval", "200ms");
        }
    }

    private static Path createFolder() {
        try {
            return Files.createTempDirectory("watched-tables");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void a_good_workbook_is_activated_and_a_bad_one_is_refused_with_its_cell() throws Exception {
        Path file = FOLDER.resolve(EditedWorkbook.NAME);
        Files.write(file, EditedWorkbook.ofShipped().set(TableTemplate.CONTACTS_SHEET, "B5", "0300 555 0177").bytes());
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/api/v1/ruleset").then().body("folderWatch.activated", is(true)));
        String good = given().get("/api/v1/ruleset").then().extract().path("sha256");
        given().contentType("application/json").body("{}").post("/api/v1/decisions").then()
                .body("ruleSet.sha256", is(good)).body(containsString("0300 555 0177"));

        Files.write(file, EditedWorkbook.ofShipped().set("Pathway", "C9", "YESS").bytes());
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/api/v1/ruleset").then().body("folderWatch.activated", is(false)));
        given().get("/api/v1/ruleset").then().body("sha256", is(good))
                .body("folderWatch.reason", containsString("sheet 'Pathway', C9"));
        given().port(Management.PORT).get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'rule-set' }.data.folderWatch", containsString("C9"));
    }
}
