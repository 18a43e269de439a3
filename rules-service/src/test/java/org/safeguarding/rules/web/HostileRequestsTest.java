package org.safeguarding.rules.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safeguarding.rules.api.Fact;

/**
 * More than 500 malformed and adversarial bodies sent to the running service: never a 5xx,
 * never a stack trace or class name in a response, and the service still answers correctly
 * afterwards.
 */
@QuarkusTest
class HostileRequestsTest {

    @BeforeAll
    static void token() {
        JwtKeys.defaultTokenForRequests();
    }

    static List<byte[]> corpus() {
        List<String> bodies = new ArrayList<>();
        String[] wrongValues = {"\"yes\"", "\"true\"", "\"false\"", "1", "0", "-1", "1.5", "1e999", "-1e999", "99999999999999999999999999",
            "[]", "[true]", "{}", "{\"value\": true}", "\"\"", "\"NaN\"", "\"\\u0000\"", "\"YES \"", "\"yes\\n\"", "\"\\u202eYES\"",
            "\"" + "A".repeat(5000) + "\"", "\"UNKNOWN\\u0000\"", "\"image\"", "\"POSTED ONLINE\""};
        for (Fact fact : Fact.values()) {
            for (String value : wrongValues) {
                bodies.add("{\"" + fact.fieldName() + "\": " + value + "}");
            }
            bodies.add("{\"" + fact.fieldName() + "\": true, \"" + fact.fieldName() + "\": false}");
            bodies.add("{\"" + fact.fieldName().toUpperCase() + "\": true}");
            bodies.add("{\"" + fact.fieldName() + " \": true}");
            bodies.add("{\"\\u0000" + fact.fieldName() + "\": true}");
        }
        String[] people = {"\"CREATOR 15\"", "{}", "[{}]", "[{\"role\": \"CREATOR\"}]", "[{\"age\": 15}]", "[{\"role\": null, \"age\": 15}]",
            "[{\"role\": \"CREATOR\", \"age\": null}]", "[{\"role\": \"CREATOR\", \"age\": 99999999999999999999999}]",
            "[{\"role\": \"CREATOR\", \"age\": -0}]", "[{\"role\": \"CREATOR\", \"age\": 1e1}]", "[{\"role\": \"CREATOR\", \"age\": 15.0}]",
            "[{\"role\": \"CREATOR\", \"age\": \"15\"}]", "[{\"role\": \"creator\", \"age\": 15}]", "[{\"role\": [\"CREATOR\"], \"age\": 15}]",
            "[{\"role\": \"CREATOR\", \"age\": 15, \"role\": \"SENDER\"}]", "[{\"role\": \"CREATOR\", \"age\": 15, \"name\": \"Alex\"}]",
            "[[{\"role\": \"CREATOR\", \"age\": 15}]]", "[null]", "[1, 2, 3]", "[\"CREATOR\", 15]", "[{\"role\": \"CREATOR\", \"age\": 2147483648}]",
            "[{\"role\": \"CREATOR\", \"age\": -2147483649}]", "[{\"role\": \"CREATOR\", \"age\": 121}]", "[{\"role\": \"\\u0000\", \"age\": 15}]",
            "[" + "{\"role\": \"CREATOR\", \"age\": 15},".repeat(1500) + "{\"role\": \"CREATOR\", \"age\": 15}]",
            "[" + "{\"role\": \"RECIPIENT\", \"age\": 40},".repeat(100) + "{\"role\": \"CREATOR\", \"age\": 15}]", "true", "0", "\"\""};
        for (String value : people) {
            bodies.add("{\"people\": " + value + "}");
            bodies.add("{\"adultInvolved\": false, \"people\": " + value + "}");
        }
        String[] references = {"\"\"", "\" \"", "\"a b\"", "\"" + "r".repeat(65) + "\"", "\"" + "r".repeat(10_000) + "\"", "\"../../etc/passwd\"",
            "\"<script>alert(1)</script>\"", "\"'; DROP TABLE incidents; --\"", "\"\\u0000\"", "\"\\n\"", "\"caf\\u00e9\"", "\"\\ud83d\\ude00\"",
            "\"\\ud800\"", "\"\\u202egnp.exe\"", "\"${jndi:ldap://x/a}\"", "\"%s%s%s%n\"", "123", "true", "[]", "{}", "\"ref\\r\\nX-Injected: 1\""};
        for (String value : references) {
            bodies.add("{\"reference\": " + value + "}");
        }
        for (int depth : new int[] {10, 100, 999, 1001, 5000, 20000}) {
            bodies.add("[".repeat(depth) + "]".repeat(depth));
            bodies.add("{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
            bodies.add("{\"people\": " + "[".repeat(depth) + "]".repeat(depth) + "}");
        }
        String[] structural = {"", " ", "null", "true", "1", "\"text\"", "[]", "[{}]", "{", "}", "{\"immediateDanger\": true", "{\"immediateDanger\" true}",
            "{immediateDanger: true}", "{'immediateDanger': true}", "{\"immediateDanger\": True}", "{\"immediateDanger\": TRUE}",
            "{\"immediateDanger\": true,}", "{,}", "{\"immediateDanger\": true} {}", "{\"immediateDanger\": true} garbage",
            "/* comment */ {}", "{} // comment", "{\"immediateDanger\": NaN}", "{\"immediateDanger\": Infinity}", "{\"\": true}",
            "{\"a\": 1e99999999}", "{\"a\": -}", "{\"a\": 0x10}", "{\"a\": 01}", "{\"a\": .5}", "{\"a\": \"\\x41\"}", "{\"a\": \"\\u12\"}",
            "{\"a\": \"unterminated}", "\ufeff{}", "{\"immediateDanger\": true, " + "\"x\": 1, ".repeat(3000) + "\"y\": 2}",
            "{" + "\"k".repeat(1) + "\": [" + "true,".repeat(15_000) + "true]}", "{\"consentGiven\": " + "9".repeat(10_000) + "}",
            "{\"consentGiven\": 1" + "0".repeat(400) + "e-400}", "{\"mediaType\": \"" + "\\u0041".repeat(2000) + "\"}",
            "<incident><immediateDanger>true</immediateDanger></incident>", "immediateDanger=true&consentGiven=false",
            "{\"immediateDanger\": true}\u0000", "{\"__proto__\": {\"admin\": true}}", "{\"constructor\": {\"prototype\": {}}}",
            "{\"@type\": \"java.lang.Runtime\"}", "[\"java.util.HashMap\", {}]", "{\"class\": \"org.safeguarding.rules.api.Incident\"}"};
        for (String body : structural) {
            bodies.add(body);
        }
        List<byte[]> corpus = new ArrayList<>();
        bodies.forEach(b -> corpus.add(b.getBytes(StandardCharsets.UTF_8)));
        byte[][] invalidUtf8 = {{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'}, {'{', '"', (byte) 0xFF, (byte) 0xFE, '"', ':', '1', '}'},
            {'{', '"', 'r', 'e', 'f', 'e', 'r', 'e', 'n', 'c', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'},
            {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}, {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'},
            {'{', '"', 'a', '"', ':', '"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"', '}'}, {0, 0, 0, 0}, {(byte) 0x80}};
        for (byte[] bytes : invalidUtf8) {
            corpus.add(bytes);
        }
        return corpus;
    }

    @Test
    void hostile_bodies_never_break_the_service() {
        List<byte[]> corpus = corpus();
        Assertions.assertThat(corpus).hasSizeGreaterThanOrEqualTo(500);
        List<String> failures = new ArrayList<>();
        int[] statuses = new int[600];
        for (byte[] body : corpus) {
            Response response = given().contentType("application/json").body(body).post("/api/v1/decisions");
            String text = response.asString();
            statuses[response.statusCode()]++;
            if (response.statusCode() >= 500 || text.contains("Exception") || text.contains("java.") || text.contains("org.")
                    || text.contains("\tat ") || (response.statusCode() == 200 && !text.contains("\"pathway\""))) {
                failures.add(response.statusCode() + " for " + new String(body, 0, Math.min(body.length, 80), StandardCharsets.UTF_8));
            }
        }
        Assertions.assertThat(failures).isEmpty();
        Assertions.assertThat(statuses[400]).as("most are refused as bad requests").isGreaterThan(400);
        given().contentType("application/json").body("{\"immediateDanger\": true}").post("/api/v1/decisions").then()
                .statusCode(200).body("pathway", is("EMERGENCY"));
        System.out.printf("hostile requests: %d sent; 200: %d, 400: %d, 413: %d, 422: %d%n", corpus.size(), statuses[200], statuses[400],
                statuses[413], statuses[422]);
    }
}
