package org.safeguarding.rules.web;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.rules.rulesets.Refused;

/**
 * Nothing a caller sends reaches the logs: requests with distinctive values, good and bad,
 * and every log record at every level is searched for them.
 */
@QuarkusTest
class PrivacyTest {
    @org.junit.jupiter.api.BeforeAll
    static void token() {
        JwtKeys.defaultTokenForRequests();
    }

    private static final String REFERENCE = "CANARY-ref-8d1f";
    private static final String FIELD = "canaryFieldQz7";
    private static final String VALUE = "CANARY_VALUE_X93";

    private final List<String> captured = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            captured.add(record.getLoggerName() + " " + record.getMessage() + " " + java.util.Arrays.toString(record.getParameters())
                    + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        handler.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(handler);
    }

    @AfterEach
    void release() {
        Logger.getLogger("").removeHandler(handler);
    }

    @Test
    void no_fact_value_or_reference_is_logged() {
        String[] bodies = {
            "{\"immediateDanger\": true, \"reference\": \"" + REFERENCE + "\"}",
            "{\"" + FIELD + "\": true, \"reference\": \"" + REFERENCE + "\"}",
            "{\"sharing\": \"" + VALUE + "\", \"reference\": \"" + REFERENCE + "\"}",
            "{\"adultInvolved\": false, \"people\": [{\"role\": \"RECIPIENT\", \"age\": 97}], \"reference\": \"" + REFERENCE + "\"}",
            "{\"reference\": \"" + REFERENCE + "\", \"people\": [{\"role\": \"" + VALUE + "\", \"age\": 15}]",
        };
        for (String body : bodies) {
            given().contentType(ContentType.JSON).body(body).post("/api/v1/decisions").then().statusCode(org.hamcrest.Matchers.lessThan(500));
        }
        given().contentType(ContentType.TEXT).body(VALUE).post("/api/v1/decisions").then().statusCode(415);
        Assertions.assertThat(captured).as("the capture works: outcomes are logged at debug in tests")
                .anyMatch(line -> line.contains("Decision")).anyMatch(line -> line.contains("Refused"));
        Assertions.assertThat(captured).noneMatch(line -> line.contains(REFERENCE) || line.contains(FIELD)
                || line.contains(VALUE));
    }
}
