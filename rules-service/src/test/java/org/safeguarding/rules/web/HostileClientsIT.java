package org.safeguarding.rules.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.rules.cli.LocalTokens;

/**
 * The packaged service at the shipped heap, as issue 24's attacker met it: thousands of slow
 * bodies from the lowest role, and the verification key file rotated under a running service.
 */
class HostileClientsIT {
    /** The heap the service ships with (bin/lib/service.sh, the container): the attack is measured against it. */
    private static final String[] SHIPPED_HEAP = {"-Xms64m", "-Xmx160m"};
    private static final int SLOW_CONNECTIONS = 3_000;

    @TempDir
    Path work;
    @RegisterExtension
    final PackagedService.Processes processes = new PackagedService.Processes();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private int decide(String base, String token) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/decisions")).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"immediateDanger\": true}")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Test
    void thousands_of_stalled_bodies_from_a_decision_client_leave_no_out_of_memory_and_decisions_go_on() throws Exception {
        LocalTokens.ensureKeys(work.resolve("keys"));
        String client = LocalTokens.token(work.resolve("keys"), "attacker", Roles.DECISION_CLIENT, Duration.ofHours(1));
        String base = PackagedService.start(work, 18131, processes, SHIPPED_HEAP);
        int port = Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
        byte[] head = ("POST /api/v1/decisions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + client
                + "\r\nContent-Type: application/json\r\nContent-Length: 65536\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] almostAll = new byte[65_015];
        Arrays.fill(almostAll, (byte) ' ');
        // One more that stalls and is never closed by us: the body deadline (15 s) must close it.
        Socket stalled = new Socket("127.0.0.1", port);
        stalled.getOutputStream().write(head);
        stalled.getOutputStream().write(almostAll);
        long stalledSince = System.nanoTime();
        List<Socket> attack = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(32);
        try {
            List<Future<Socket>> opened = new ArrayList<>();
            for (int i = 0; i < SLOW_CONNECTIONS; i++) {
                opened.add(senders.submit(() -> {
                    Socket socket = new Socket();
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                    OutputStream out = socket.getOutputStream();
                    out.write(head);
                    out.write(almostAll);
                    out.flush();
                    return socket;
                }));
            }
            for (Future<Socket> socket : opened) {
                try {
                    attack.add(socket.get());
                } catch (java.util.concurrent.ExecutionException refusedOrReset) {
                    // a connection the service closed at once is as good as one it holds
                }
            }
            int during = decide(base, client);
            assertThat(during).as("a decision during the attack is answered (200, or 503 while the budget is spent), not left hanging")
                    .isIn(200, 503);
        } finally {
            for (Socket socket : attack) {
                socket.close();
            }
            senders.shutdownNow();
        }
        long ended = System.nanoTime();
        int after = -1;
        while (after != 200 && System.nanoTime() - ended < Duration.ofSeconds(10).toNanos()) {
            after = decide(base, client);
        }
        long millis = (System.nanoTime() - ended) / 1_000_000;
        String log = Files.readString(work.resolve("service-18131.log"));
        System.out.printf("slow bodies: %d connections each holding 65,015 of 65,536 bytes; decisions succeed %d ms after the attack%n",
                attack.size(), millis);
        assertThat(after).as("a decision right after the attack").isEqualTo(200);
        assertThat(log).doesNotContain("OutOfMemoryError").doesNotContain("store is unavailable");
        assertThat(log).contains("Request bodies held in memory reached the ceiling");

        stalled.setSoTimeout(30_000);
        int read;
        try {
            read = stalled.getInputStream().read();
            while (read >= 0) { // a 503 answered at once is read through to the close
                read = stalled.getInputStream().read();
            }
        } catch (java.net.SocketException reset) {
            read = -1;
        }
        long closedAfter = (System.nanoTime() - stalledSince) / 1_000_000;
        System.out.printf("a stalled body's connection closed by the service after %d ms%n", closedAfter);
        assertThat(closedAfter).as("closed by the body deadline").isLessThan(25_000);
        stalled.close();
    }

    @Test
    void a_key_file_rotated_under_a_running_service_is_followed_within_its_interval() throws Exception {
        Path keys = work.resolve("keys");
        LocalTokens.ensureKeys(keys);
        String oldToken = LocalTokens.token(keys, "rotation", Roles.DECISION_CLIENT, Duration.ofHours(1));
        String base = PackagedService.start(work, 18133, processes, SHIPPED_HEAP);
        assertThat(decide(base, oldToken)).isEqualTo(200);

        // By mv, as a deployment tool swaps a file.
        Path next = work.resolve("next-keys");
        LocalTokens.ensureKeys(next);
        Files.move(next.resolve("public-key.pem"), keys.resolve("public-key.pem"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        String newToken = LocalTokens.token(next, "rotation", Roles.DECISION_CLIENT, Duration.ofHours(1));
        long millis = untilFollowed(base, oldToken, newToken);
        System.out.printf("key file replaced by mv: followed in %d ms%n", millis);

        // In place, as a Kubernetes Secret update or an editor rewrites it.
        Path third = work.resolve("third-keys");
        LocalTokens.ensureKeys(third);
        Files.writeString(keys.resolve("public-key.pem"), Files.readString(third.resolve("public-key.pem")));
        String thirdToken = LocalTokens.token(third, "rotation", Roles.DECISION_CLIENT, Duration.ofHours(1));
        millis = untilFollowed(base, newToken, thirdToken);
        System.out.printf("key file rewritten in place: followed in %d ms%n", millis);
    }

    /** Waits (at most 30 s, the bound) until the old key's token gets 401 and the new one's 200. */
    private long untilFollowed(String base, String oldToken, String newToken) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < Duration.ofSeconds(30).toNanos()) {
            if (decide(base, oldToken) == 401 && decide(base, newToken) == 200) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(200);
        }
        assertThat(decide(base, oldToken)).as("old key's token 30 s after the change").isEqualTo(401);
        assertThat(decide(base, newToken)).as("new key's token 30 s after the change").isEqualTo(200);
        return (System.nanoTime() - start) / 1_000_000;
    }
}
