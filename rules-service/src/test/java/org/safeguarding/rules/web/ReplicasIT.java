package org.safeguarding.rules.web;

import static io.restassured.RestAssured.given;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.rules.cli.LocalTokens;
import org.safeguarding.rules.tables.EditedWorkbook;
import org.safeguarding.rules.tables.TableTemplate;

/**
 * Two packaged service processes sharing one store, as two replicas would: a version activated
 * on one is served by both within a bounded time, roll back on the other is followed too, and
 * decisions to both never fail meanwhile.
 */
class ReplicasIT {
    private static final Duration BOUND = Duration.ofSeconds(15);

    @TempDir
    Path work;
    @org.junit.jupiter.api.extension.RegisterExtension
    final PackagedService.Processes processes = new PackagedService.Processes();

    private String start(int port, String... store) throws Exception {
        List<String> options = new ArrayList<>(List.of("-Dsafeguarding.store.poll-interval=500ms"));
        options.addAll(List.of(store));
        return PackagedService.start(work, port, processes, options.toArray(String[]::new));
    }

    private static String active(String base, String token) {
        return given().baseUri(base).header("Authorization", "Bearer " + token).get("/api/v1/ruleset").then().statusCode(200)
                .extract().path("sha256");
    }

    private static long waitUntilServes(String base, String token, String sha, Duration bound) throws InterruptedException {
        long start = System.nanoTime();
        while (!sha.equals(active(base, token))) {
            Assertions.assertThat(Duration.ofNanos(System.nanoTime() - start)).as("replica " + base + " follows").isLessThan(bound);
            Thread.sleep(50);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void replicas_sharing_a_store_serve_the_same_version() throws Exception {
        replicasServeTheSameVersion("folder", BOUND);
    }

    /**
     * The same on one PostgreSQL database and no shared folder: the poll is an hour, so only
     * LISTEN/NOTIFY can carry an activation (issue 16 asks for under a second; bounded here at 5 s
     * for a loaded CI machine, and the time taken is printed).
     */
    @Test
    void replicas_on_one_database_follow_an_activation_at_once() throws Exception {
        try (org.safeguarding.rules.store.TestPostgres postgres = org.safeguarding.rules.store.TestPostgres.start()) {
            String url = postgres.newDatabase();
            replicasServeTheSameVersion("PostgreSQL", Duration.ofSeconds(5), "-Dsafeguarding.store.jdbc-url=" + url,
                    "-Dsafeguarding.store.jdbc-user=postgres", "-Dsafeguarding.store.poll-interval=1h");
        }
    }

    private void replicasServeTheSameVersion(String store, Duration bound, String... options) throws Exception {
        LocalTokens.ensureKeys(work.resolve("keys"));
        String client = LocalTokens.token(work.resolve("keys"), "replica-test", "decision-client", Duration.ofHours(1));
        String admin = LocalTokens.token(work.resolve("keys"), "replica-test", "rules-admin", Duration.ofHours(1));
        String a = start(18101, options);
        String b = start(18102, options);
        String original = active(a, client);
        Assertions.assertThat(active(b, client)).isEqualTo(original);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger decisions = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread load = new Thread(() -> {
            while (running.get()) {
                for (String base : List.of(a, b)) {
                    int status = given().baseUri(base).header("Authorization", "Bearer " + client).contentType("application/json")
                            .body("{\"immediateDanger\": false}").post("/api/v1/decisions").statusCode();
                    if (status != 200) {
                        failures.add(base + " answered " + status);
                    }
                    decisions.incrementAndGet();
                }
            }
        });
        load.start();
        try {
            File workbook = work.resolve(EditedWorkbook.NAME).toFile();
            Files.write(workbook.toPath(), EditedWorkbook.ofShipped().set(TableTemplate.CONTACTS_SHEET, "B5", "0300 555 0142").bytes());
            String edited = given().baseUri(a).header("Authorization", "Bearer " + admin).multiPart("workbook", workbook)
                    .multiPart("uploadedBy", "replica test").post("/api/v1/rulesets").then().statusCode(201).extract().path("sha256");
            given().baseUri(a).header("Authorization", "Bearer " + admin).post("/api/v1/rulesets/" + edited + "/activate").then().statusCode(200);
            long followed = waitUntilServes(b, client, edited, bound);
            given().baseUri(b).header("Authorization", "Bearer " + admin).post("/api/v1/rulesets/rollback").then().statusCode(200);
            long rolledBack = waitUntilServes(a, client, original, bound);
            System.out.printf("replicas (%s): B served A's activation after %d ms; A followed B's roll back after %d ms%n", store, followed,
                    rolledBack);
        } finally {
            running.set(false);
            load.join();
        }
        Assertions.assertThat(failures).isEmpty();
        Assertions.assertThat(decisions.get()).isPositive();
        given().baseUri(management(b)).get("/q/health/group/rule-set-current").then().statusCode(200);
    }

    /** Health is served on the management port, the HTTP port + 1000 here. */
    private static String management(String base) {
        return PackagedService.management(base);
    }
}
