package org.safeguarding.rules.web;

import static io.restassured.RestAssured.given;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged service (target/quarkus-app) started as its own process, as an operator runs it:
 * ready when its readiness check says so. Health is on the management port, the API port + 1000.
 */
final class PackagedService {
    private static final Path APP = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private PackagedService() {
    }

    /** The processes a test started, each killed when the test ends (register with {@code @RegisterExtension}). */
    static final class Processes extends ArrayList<Process> implements org.junit.jupiter.api.extension.AfterEachCallback {
        @Override
        public void afterEach(org.junit.jupiter.api.extension.ExtensionContext context) {
            forEach(Process::destroyForcibly);
            clear();
        }
    }

    /** Starts a service on {@code port} with the store and keys under {@code work}; returns its base URL. */
    static String start(Path work, int port, List<Process> processes, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-XX:+UseSerialGC", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + (port + 1000), "-Dsafeguarding.store.path=" + work.resolve("store"),
                "-Dmp.jwt.verify.publickey.location=" + work.resolve("keys").resolve("public-key.pem")));
        command.addAll(List.of(options));
        command.addAll(List.of("-jar", APP.toString()));
        Path log = work.resolve("service-" + port + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        processes.add(process);
        String base = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (given().baseUri(management(base)).get("/q/health/ready").statusCode() == 200) {
                    return base;
                }
            } catch (Exception notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service on port " + port + " did not become ready: " + Files.readString(log));
    }

    static String management(String base) {
        int port = Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
        return base.substring(0, base.lastIndexOf(':') + 1) + (port + 1000);
    }
}
