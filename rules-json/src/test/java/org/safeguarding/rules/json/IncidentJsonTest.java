package org.safeguarding.rules.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.safeguarding.rules.api.Action;
import org.safeguarding.rules.api.ActionCode;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Role;

/**
 * The quick token-by-token reading and the careful tree reading agree: on every body the quick
 * one accepts they give the same incident, and every body it declines is still read (or
 * refused, naming the field) by the careful one.
 */
class IncidentJsonTest {
    private static final Action EMERGENCY = new Action(ActionCode.CALL_999, "Call 999", "");

    @Test
    void both_readings_agree_on_random_bodies_valid_and_not() throws Exception {
        Random random = new Random(12);
        int accepted = 0;
        int declined = 0;
        for (int i = 0; i < 200_000; i++) {
            String body = randomBody(random);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            Incident quick = IncidentJson.readSimply(bytes);
            Incident careful;
            try {
                careful = IncidentJson.read(bytes, EMERGENCY);
            } catch (InvalidRequestException e) {
                careful = null;
            }
            if (quick != null) {
                accepted++;
                assertThat(quick).as(body).isEqualTo(careful);
            } else {
                declined++;
            }
        }
        assertThat(accepted).as("many random bodies are well formed").isGreaterThan(30_000);
        assertThat(declined).as("and many are not").isGreaterThan(20_000);
    }

    @Test
    void the_benchmark_body_is_read_quickly() throws Exception {
        byte[] body = ("{\"immediateDanger\": false, \"consentGiven\": false, \"intendedHarm\": true, \"coercionOrBlackmail\": false, "
                + "\"mediaType\": \"IMAGE\", \"sharing\": \"SHARED_WITH_FEW\", \"device\": \"PERSONAL\", \"people\": [{\"role\": "
                + "\"CREATOR\", \"age\": 14}, {\"role\": \"SHARER\", \"age\": 15}], \"reference\": \"bench-0001\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(IncidentJson.readSimply(body)).isNotNull().isEqualTo(IncidentJson.read(body, EMERGENCY));
    }

    /** Fields in random order, sometimes of the wrong type, repeated, unknown, or the JSON broken. */
    private static String randomBody(Random random) {
        List<String> fields = new ArrayList<>();
        for (Fact fact : Fact.values()) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            fields.add("\"" + fact.fieldName() + "\": " + factValue(fact, random));
        }
        if (random.nextInt(3) > 0) {
            fields.add("\"people\": " + people(random));
        }
        if (random.nextInt(3) == 0) {
            fields.add("\"reference\": " + oneOf(random, "\"ref-1\"", "null", "\"bad ref\"", "12", "\"" + "x".repeat(65) + "\""));
        }
        if (random.nextInt(20) == 0) {
            fields.add("\"unknownField\": true");
        }
        if (random.nextInt(20) == 0 && !fields.isEmpty()) {
            fields.add(fields.get(0)); // a field given twice
        }
        java.util.Collections.shuffle(fields, random);
        String body = "{" + String.join(", ", fields) + "}";
        return switch (random.nextInt(40)) {
            case 0 -> body.substring(0, body.length() - 1);
            case 1 -> body + " {}";
            case 2 -> "[" + body + "]";
            default -> body;
        };
    }

    private static String factValue(Fact fact, Random random) {
        if (random.nextInt(12) == 0) {
            return oneOf(random, "\"YES\"", "1", "\"true\"", "{}", "[]", "\"NOT_A_VALUE\"");
        }
        if (random.nextInt(6) == 0) {
            return "null";
        }
        if (fact.type() == org.safeguarding.rules.api.Answer.class) {
            return random.nextBoolean() ? "true" : "false";
        }
        List<Enum<?>> domain = fact.domain();
        return "\"" + domain.get(random.nextInt(domain.size())).name() + "\"";
    }

    private static String people(Random random) {
        if (random.nextInt(15) == 0) {
            return oneOf(random, "null", "{}", "\"CHILD\"", "[1]");
        }
        List<String> people = new ArrayList<>();
        for (int p = random.nextInt(4); p > 0; p--) {
            List<String> fields = new ArrayList<>();
            if (random.nextInt(15) > 0) {
                fields.add("\"role\": " + (random.nextInt(15) == 0 ? "\"KING\"" : "\"" + Role.values()[random.nextInt(Role.values().length)] + "\""));
            }
            if (random.nextBoolean()) {
                fields.add("\"age\": " + oneOf(random, "14", "17", "18", "40", "null", "0", "120", "121", "-1", "14.5", "\"14\"",
                        "99999999999"));
            }
            if (random.nextInt(25) == 0) {
                fields.add("\"name\": \"Sam\"");
            }
            java.util.Collections.shuffle(fields, random);
            people.add("{" + String.join(", ", fields) + "}");
        }
        return "[" + String.join(", ", people) + "]";
    }

    private static String oneOf(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }
}
