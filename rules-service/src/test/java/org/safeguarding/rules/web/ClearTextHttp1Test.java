package org.safeguarding.rules.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Java's HttpClient, as an MIS would use it with no settings, asks every new connection to
 * upgrade to clear-text HTTP/2. On JDK 17 that path now and then hung or misread a response,
 * so the plain port answers in HTTP/1.1 ({@link ClearTextHttp1}); every decision must come back.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeys.class)
class ClearTextHttp1Test {
    @TestHTTPResource("/api/v1/decisions")
    URI decisions;

    @Test
    void a_default_java_client_is_answered_in_http_1_1_on_every_new_connection() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(decisions).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + JwtKeys.token(Roles.DECISION_CLIENT))
                .POST(HttpRequest.BodyPublishers.ofString("{\"immediateDanger\": false}")).build();
        for (int connection = 0; connection < 60; connection++) {
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < 3; i++) {
                // No request timeout: it would hide a connection that never answers.
                HttpResponse<String> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).get(20, TimeUnit.SECONDS);
                assertThat(response.version()).as("connection %d, request %d", connection, i).isEqualTo(HttpClient.Version.HTTP_1_1);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).contains("\"pathway\":").endsWith("}}");
            }
        }
    }
}
