package org.safeguarding.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Pathway;
import org.safeguarding.rules.api.Recommendation;
import org.safeguarding.rules.json.RecommendationJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SafeguardingApplicationTest {
    @Autowired
    TestRestTemplate http;

    private ResponseEntity<String> post(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity("/safeguarding/decisions", new HttpEntity<>(body, headers), String.class);
    }

    @Test
    void the_applications_own_endpoint_answers_in_the_wire_format() {
        ResponseEntity<String> response = post("{\"immediateDanger\": true, \"people\": [{\"role\": \"CREATOR\", \"age\": 15}]}");
        assertEquals(200, response.getStatusCode().value());
        // Read back strictly: Jackson's own shape of the record (enum names for question codes and derived facts) would be refused.
        Recommendation recommendation = RecommendationJson.read(response.getBody());
        assertEquals(Pathway.EMERGENCY, recommendation.pathway());
        assertEquals(ActionCode.CALL_999, recommendation.actions().get(0).code());
        assertTrue(recommendation.questions().stream().anyMatch(q -> q.code() == Fact.CONSENT_GIVEN));
        assertTrue(response.getBody().contains("\"code\":\"consentGiven\""), response.getBody());
        assertEquals("org.apache.logging.log4j.core.LoggerContext",
                org.apache.logging.log4j.LogManager.getContext(false).getClass().getName());
    }

    @Test
    void a_misspelt_fact_is_refused_not_dropped() {
        assertEquals(400, post("{\"immediateDanger\": false, \"adultInvolve\": true}").getStatusCode().value());
    }

    @Test
    void the_application_starts_and_stops_with_nothing_on_stderr() throws Exception {
        Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), SafeguardingApplication.class.getName(), "--server.port=0",
                "--spring.main.web-application-type=none").start();
        assertTrue(app.waitFor(120, TimeUnit.SECONDS));
        String out = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(app.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("", err, "stderr");
        assertEquals(0, app.exitValue());
        assertTrue(out.contains("Rule set ") && out.contains(" loaded"), out);
    }
}
