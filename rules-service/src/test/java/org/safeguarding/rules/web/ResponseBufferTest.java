package org.safeguarding.rules.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.netty.buffer.PooledByteBufAllocator;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.buffer.impl.VertxByteBufAllocator;
import org.junit.jupiter.api.Test;

/**
 * A recommendation is written straight into a pooled direct buffer ({@link EncodedJsonWriter});
 * each one must go back to the pool once sent. A buffer kept per decision would grow the pool by
 * about 16 KB a decision, 48 MB over this test.
 */
@QuarkusTest
@QuarkusTestResource(JwtKeys.class)
class ResponseBufferTest {
    private static final int DECISIONS = 3_000;
    private final HttpClient client = HttpClient.newHttpClient();

    @TestHTTPResource("/api/v1/decisions")
    URI decisions;

    @Test
    void every_response_buffer_goes_back_to_the_pool() throws Exception {
        PooledByteBufAllocator pool = (PooledByteBufAllocator) VertxByteBufAllocator.POOLED_ALLOCATOR;
        decide(200); // the pool's chunks and caches settle first
        long before = pool.metric().usedDirectMemory();
        decide(DECISIONS);
        long grown = pool.metric().usedDirectMemory() - before;
        assertThat(grown).as("direct memory the pool holds after %d more decisions", DECISIONS).isLessThan(8L * 1024 * 1024);
    }

    private void decide(int times) throws Exception {
        String token = JwtKeys.token(Roles.DECISION_CLIENT);
        for (int i = 0; i < times; i++) {
            HttpRequest request = HttpRequest.newBuilder(decisions).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"consentGiven\": " + (i % 2 == 0) + "}")).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"pathway\":\"ESCALATE\"").endsWith("}}");
        }
    }
}
