package org.safeguarding.rules.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.rules.cli.LocalTokens;
import org.safeguarding.rules.tables.EditedWorkbook;
import org.safeguarding.rules.tables.TableTemplate;

/**
 * Load and faults against the packaged service on its file store (was e2e/faults.sh):
 * <ol>
 * <li>decisions under load for 20 s while workbooks are uploaded and versions activated and
 *     rolled back: every decision succeeds;</li>
 * <li>48 bodies of 15 MB at once with a decision-client token on four spellings of the decisions
 *     path (one chunked): each refused before it is read, no OutOfMemoryError, and the decisions
 *     meanwhile all succeed; then the same token with a different run of bytes after its
 *     signature for 10 s: memory stays flat;</li>
 * <li>the service killed (SIGKILL) during uploads and an activation, then started on the same
 *     store: the store is whole, no temporary file is left, and a known version serves.</li>
 * </ol>
 * Prints the figures docs/security.md quotes.
 */
class FaultsIT {
    private static final String DECISION = "{\"immediateDanger\": false, \"consentGiven\": false, \"intendedHarm\": true, "
            + "\"coercionOrBlackmail\": false, \"mediaType\": \"IMAGE\", \"sharing\": \"SHARED_WITH_FEW\", \"device\": \"PERSONAL\", "
            + "\"people\": [{\"role\": \"CREATOR\", \"age\": 14}, {\"role\": \"SHARER\", \"age\": 15}], \"reference\": \"faults-0001\"}";
    private static final int BIG = 15 * 1024 * 1024;

    @TempDir
    Path work;
    @RegisterExtension
    final PackagedService.Processes processes = new PackagedService.Processes();

    private String admin;
    private String client;
    private String base;

    @Test
    void decisions_survive_changes_floods_and_kills() throws Exception {
        LocalTokens.ensureKeys(work.resolve("keys"));
        admin = LocalTokens.token(work.resolve("keys"), "faults-test", "rules-admin", Duration.ofHours(1));
        client = LocalTokens.token(work.resolve("keys"), "faults-test", "decision-client", Duration.ofHours(1));
        int port = 18096;
        base = PackagedService.start(work, port, processes);
        String original = active();
        Path edit = write("local-number.drl.xlsx", EditedWorkbook.ofShipped().set(TableTemplate.CONTACTS_SHEET, "B5", "0300 555 0123").bytes());
        Path broken = write("with-error.drl.xlsx", EditedWorkbook.ofShipped().set("Pathway", "C9", "ESCALTE").bytes());
        String edited = upload(edit).path("sha256");

        changesUnderLoad(original, edited, broken, edit);
        floodOfLargeBodies();
        tokenVariants();
        killsDuringUploads(original, edited, edit, port);
    }

    private void changesUnderLoad(String original, String edited, Path broken, Path edit) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong changes = new AtomicLong();
        Thread changer = new Thread(() -> {
            while (running.get()) {
                upload(broken);
                upload(edit);
                given().baseUri(base).header("Authorization", "Bearer " + admin).post("/api/v1/rulesets/" + edited + "/activate");
                given().baseUri(base).header("Authorization", "Bearer " + admin).post("/api/v1/rulesets/rollback");
                changes.addAndGet(4);
            }
        });
        changer.start();
        Load load = Load.run(base, 16, Duration.ofSeconds(20), i -> client);
        running.set(false);
        changer.join();
        System.out.printf("load: %d decisions in 20 s during %d uploads/activations/roll backs; failed: %s%n", load.ok(), changes.get(),
                load.failures());
        assertThat(load.failures()).as("decisions failed under load").isEmpty();
        assertThat(load.ok()).isPositive();
        assertThat(active()).as("the active version after the changes").isEqualTo(original);
    }

    private void floodOfLargeBodies() throws Exception {
        long rssBefore = rssMegabytes();
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        List<Thread> senders = new ArrayList<>();
        for (int i = 1; i <= 48; i++) {
            int kind = i % 4;
            Thread sender = new Thread(() -> answers.merge(sendBig(kind), 1, Integer::sum));
            senders.add(sender);
            sender.start();
        }
        Load load = Load.run(base, 16, Duration.ofSeconds(10), i -> client);
        for (Thread sender : senders) {
            sender.join();
        }
        long rssAfter = rssMegabytes();
        System.out.printf("flood: 48 x 15 MB bodies (answers: %s); %d decisions meanwhile, failed: %s; RSS %d MB before, %d MB after%n",
                new TreeMap<>(answers), load.ok(), load.failures(), rssBefore, rssAfter);
        assertThat(Files.readString(log())).doesNotContain("OutOfMemoryError");
        assertThat(answers.keySet()).as("every 15 MB body refused before it is read (or its connection closed)")
                .isSubsetOf("413", "411", "closed");
        assertThat(answers.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(48);
        assertThat(load.failures()).as("decisions failed during the flood").isEmpty();
    }

    /** A 15 MB body on one of four spellings of the decisions path; the answer's status, or "closed". */
    private String sendBig(int kind) {
        String path = switch (kind) {
            case 1 -> "/api/v1/decisions;x=1";
            case 2 -> "/api/v1/decisions/";
            default -> "/api/v1/decisions";
        };
        byte[] body = new byte[BIG];
        java.util.Arrays.fill(body, (byte) ' ');
        HttpRequest.BodyPublisher publisher = kind == 3
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)) // no length: chunked
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + client).header("Content-Type", "application/json").POST(publisher).build();
        try {
            return String.valueOf(Load.CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            return "closed";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void tokenVariants() throws Exception {
        long rssBefore = rssMegabytes();
        Load load = Load.run(base, 8, Duration.ofSeconds(10), i -> client + "=".repeat(i % 8000 + 1));
        long rssAfter = rssMegabytes();
        System.out.printf("token variants: %d requests with distinct token texts in 10 s (answers %s); RSS %d MB before, %d MB after%n",
                load.ok() + load.failures().values().stream().mapToLong(Long::longValue).sum(), load.failures(), rssBefore, rssAfter);
        assertThat(load.failures().keySet()).as("each refused, and nothing else").containsOnly("401");
        assertThat(rssAfter - rssBefore).as("memory growth with token variants, MB").isLessThan(200);
    }

    private void killsDuringUploads(String original, String edited, Path edit, int port) throws Exception {
        Path store = work.resolve("store");
        long versionsBefore = count(store.resolve("versions"));
        int restart = 0;
        for (long millis : new long[] {200, 1_000, 2_500}) {
            String target = base;
            Thread upload = new Thread(() -> {
                try {
                    given().baseUri(target).header("Authorization", "Bearer " + admin).multiPart("workbook", edit.toFile())
                            .multiPart("uploadedBy", "faults").post("/api/v1/rulesets");
                } catch (RuntimeException killed) {
                    // the service was killed under it: that is the test
                }
            });
            Thread activate = new Thread(() -> {
                try {
                    Thread.sleep(50);
                    given().baseUri(target).header("Authorization", "Bearer " + admin).post("/api/v1/rulesets/" + edited + "/activate");
                } catch (RuntimeException | InterruptedException killed) {
                    // likewise
                }
            });
            upload.start();
            activate.start();
            Thread.sleep(millis);
            processes.get(processes.size() - 1).destroyForcibly().waitFor();
            upload.join();
            activate.join();
            base = PackagedService.start(work, port + 10 + restart++, processes);
            String now = active();
            assertThat(now).as("after a kill, a known version is active").isIn(original, edited);
            given().baseUri(base).header("Authorization", "Bearer " + admin).get("/api/v1/rulesets").then().statusCode(200);
            given().baseUri(base).header("Authorization", "Bearer " + client).contentType("application/json").body("{}")
                    .post("/api/v1/decisions").then().statusCode(200);
            assertThat(count(store.resolve("tmp"))).as("temporary files left after the restart").isZero();
            System.out.printf("killed after %d ms: restarted on %s, store intact, decisions served%n", millis, now.substring(0, 12));
            given().baseUri(base).header("Authorization", "Bearer " + admin).post("/api/v1/rulesets/" + original + "/activate");
        }
        System.out.printf("versions stored: %d before the kills, %d after; none half-written%n", versionsBefore, count(store.resolve("versions")));
    }

    private String active() {
        return given().baseUri(base).header("Authorization", "Bearer " + client).get("/api/v1/ruleset").then().statusCode(200)
                .extract().path("sha256");
    }

    private io.restassured.response.Response upload(Path workbook) {
        return given().baseUri(base).header("Authorization", "Bearer " + admin).multiPart("workbook", workbook.toFile())
                .multiPart("uploadedBy", "faults").post("/api/v1/rulesets");
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(work.resolve(name), bytes);
    }

    private Path log() {
        return work.resolve("service-" + base.substring(base.lastIndexOf(':') + 1) + ".log");
    }

    /** The service's resident memory, from /proc. */
    private long rssMegabytes() throws IOException {
        long pid = processes.get(processes.size() - 1).pid();
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new AssertionError("no VmRSS for " + pid);
    }

    private static long count(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (var entries = Files.list(folder)) {
            return entries.count();
        }
    }

    /** Decisions sent as fast as each of some threads can, for a while: how many succeeded, and the others by answer. */
    private record Load(long ok, Map<String, Long> failures) {
        static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();

        static Load run(String base, int threads, Duration time, IntFunction<String> token) throws InterruptedException {
            AtomicLong ok = new AtomicLong();
            Map<String, Long> failures = new ConcurrentHashMap<>();
            long end = System.nanoTime() + time.toNanos();
            List<Thread> workers = new ArrayList<>();
            AtomicLong sent = new AtomicLong();
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        int n = (int) sent.incrementAndGet();
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/decisions")).timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + token.apply(n)).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(DECISION)).build();
                        try {
                            HttpResponse<InputStream> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
                            try (InputStream body = response.body()) {
                                body.transferTo(java.io.OutputStream.nullOutputStream());
                            }
                            if (response.statusCode() == 200) {
                                ok.incrementAndGet();
                            } else {
                                failures.merge(String.valueOf(response.statusCode()), 1L, Long::sum);
                            }
                        } catch (IOException e) {
                            failures.merge(e.getClass().getSimpleName(), 1L, Long::sum);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                workers.add(worker);
                worker.start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
            return new Load(ok.get(), new TreeMap<>(failures));
        }
    }
}
