package org.safeguarding.rules.web;

import static io.restassured.RestAssured.given;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.restassured.path.json.JsonPath;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.rules.cli.LocalTokens;
import org.safeguarding.rules.store.TestPostgres;
import org.safeguarding.rules.tables.EditedWorkbook;
import org.safeguarding.rules.tables.TableTemplate;

/**
 * The packaged service on PostgreSQL, killed (SIGKILL) while an upload and an activation are on
 * their way, then started again: every stored version is whole (one transaction each), the
 * active version is one of the two, and decisions are served.
 */
class PostgresFaultsIT {
    @TempDir
    Path work;
    @org.junit.jupiter.api.extension.RegisterExtension
    final PackagedService.Processes processes = new PackagedService.Processes();
    private String admin;
    private String client;

    @org.junit.jupiter.api.BeforeEach
    void tokens() throws Exception {
        LocalTokens.ensureKeys(work.resolve("keys"));
        admin = LocalTokens.token(work.resolve("keys"), "faults-test", "rules-admin", Duration.ofHours(1));
        client = LocalTokens.token(work.resolve("keys"), "faults-test", "decision-client", Duration.ofHours(1));
    }

    @Test
    void a_replica_killed_during_an_upload_leaves_the_store_whole() throws Exception {
        try (TestPostgres postgres = TestPostgres.start()) {
            String[] store = {"-Dsafeguarding.store.jdbc-url=" + postgres.newDatabase(), "-Dsafeguarding.store.jdbc-user=postgres"};
            String base = PackagedService.start(work, 18121, processes, store);
            String original = given().baseUri(base).header("Authorization", "Bearer " + admin).get("/api/v1/rulesets").then()
                    .statusCode(200).extract().path("active");
            int delay = 0;
            for (long millis : new long[] {1_000, 3_000, 5_000, 7_000}) { // before, during and after the check and the write
                Path workbook = work.resolve("edit-" + millis + ".drl.xlsx");
                Files.write(workbook, EditedWorkbook.ofShipped().set(TableTemplate.CONTACTS_SHEET, "B5", "0300 555 " + (1000 + millis / 100))
                        .bytes());
                String uploadTo = base;
                Thread upload = new Thread(() -> {
                    try {
                        String sha = given().baseUri(uploadTo).header("Authorization", "Bearer " + admin).multiPart("workbook", workbook.toFile())
                                .multiPart("uploadedBy", "faults").post("/api/v1/rulesets").then().extract().path("sha256");
                        given().baseUri(uploadTo).header("Authorization", "Bearer " + admin).post("/api/v1/rulesets/" + sha + "/activate");
                    } catch (RuntimeException killed) {
                        // the service was killed under it: that is the test
                    }
                });
                upload.start();
                Thread.sleep(millis);
                processes.get(processes.size() - 1).destroyForcibly().waitFor();
                upload.join();
                base = PackagedService.start(work, 18122 + delay++, processes, store);
                JsonPath list = given().baseUri(base).header("Authorization", "Bearer " + admin).get("/api/v1/rulesets").then()
                        .statusCode(200).extract().jsonPath();
                for (String sha : list.<String>getList("versions.sha256")) {
                    given().baseUri(base).header("Authorization", "Bearer " + admin).get("/api/v1/rulesets/" + sha).then().statusCode(200);
                }
                String active = list.getString("active");
                Assertions.assertThat(list.<String>getList("versions.sha256")).contains(active);
                given().baseUri(base).header("Authorization", "Bearer " + client).contentType("application/json")
                        .body("{\"immediateDanger\": true}").post("/api/v1/decisions").then().statusCode(200);
                System.out.printf("PostgreSQL store: killed after %d ms; restarted on %s (%s), %d versions, each whole%n", millis,
                        active.substring(0, 12), active.equals(original) ? "the original" : "the upload", list.getList("versions").size());
            }
        }
    }
    /**
     * The packaged service's pooled connections carry the store's timeout: with the database
     * frozen (accepting connections, answering nothing), an admin call that needs it fails in
     * about that time, not never, and decisions go on.
     */
    @Test
    void admin_calls_fail_within_the_timeout_while_the_database_hangs() throws Exception {
        try (TestPostgres postgres = TestPostgres.start()) {
            String base = PackagedService.start(work, 18131, processes, "-Dsafeguarding.store.jdbc-url=" + postgres.newDatabase(),
                    "-Dsafeguarding.store.jdbc-user=postgres", "-Dsafeguarding.store.timeout=2s");
            given().baseUri(base).header("Authorization", "Bearer " + admin).get("/api/v1/rulesets").then().statusCode(200);
            postgres.freeze();
            try {
                for (int call = 0; call < 3; call++) {
                    long start = System.nanoTime();
                    int status = given().baseUri(base).header("Authorization", "Bearer " + admin).get("/api/v1/audit").then()
                            .extract().statusCode();
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    System.out.printf("PostgreSQL frozen: the audit answered %d after %d ms (timeout 2,000 ms)%n", status, millis);
                    Assertions.assertThat(status).isEqualTo(503);
                    Assertions.assertThat(millis).as("an admin call with the database hung").isBetween(1_500L, 4_500L);
                    given().baseUri(base).header("Authorization", "Bearer " + client).contentType("application/json")
                            .body("{\"immediateDanger\": true}").post("/api/v1/decisions").then().statusCode(200);
                }
            } finally {
                postgres.thaw();
            }
            org.safeguarding.rules.testing.Eventually.within("the audit read again once the database answers", () ->
                    given().baseUri(base).header("Authorization", "Bearer " + admin).get("/api/v1/audit").statusCode() == 200);
        }
    }
}
