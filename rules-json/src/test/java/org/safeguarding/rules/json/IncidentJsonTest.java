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
 * The quick byte-by-byte reading and the careful tree reading agree: on every body the quick
 * one accepts they give the same incident, and every body it declines is still read (or
 * refused, naming the field) by the careful one.
 */
class IncidentJsonTest {
    private static final Action EMERGENCY = new Action(ActionCode.CALL_999, "Call 999", "");

    @Test
    void both_readings_agree_on_random_bodies_valid_and_not() throws Exception {
        Random random = new Random(12);
        int accepted = 0;
        for (int i = 0; i < 200_000; i++) {
            if (agree(randomBody(random).getBytes(StandardCharsets.UTF_8))) {
                accepted++;
            }
        }
        assertThat(accepted).as("many random bodies are well formed (each fact more makes fewer)").isGreaterThan(25_000);
        assertThat(200_000 - accepted).as("and many are not").isGreaterThan(20_000);
    }

    /** Bodies a byte or three away from a random one: broken, differently spaced, or still valid. */
    @Test
    void both_readings_agree_on_mutated_bodies() throws Exception {
        Random random = new Random(13);
        byte[] interesting = "\"\\{}[],: \t\n01239-+.eEntrfalsu".getBytes(StandardCharsets.US_ASCII);
        int accepted = 0;
        for (int i = 0; i < 300_000; i++) {
            byte[] body = randomBody(random).getBytes(StandardCharsets.UTF_8);
            for (int m = 1 + random.nextInt(3); m > 0 && body.length > 0; m--) {
                int at = random.nextInt(body.length);
                byte b = switch (random.nextInt(6)) {
                    case 0 -> (byte) random.nextInt(256);
                    case 1 -> (byte) oneOf(random, "\u0000", "\u007f", "\u00c3", "\u00ef").charAt(0);
                    default -> interesting[random.nextInt(interesting.length)];
                };
                body = switch (random.nextInt(3)) {
                    case 0 -> replace(body, at, b);
                    case 1 -> insert(body, at, b);
                    default -> delete(body, at);
                };
            }
            if (agree(body)) {
                accepted++;
            }
        }
        assertThat(accepted).as("some mutations (about 1 in 300) leave a body the quick reader accepts").isGreaterThan(500);
    }

    @Test
    void the_quick_reader_declines_what_it_does_not_read_plainly() throws Exception {
        for (String body : List.of("{\"mediaType\": \"IM\\u0041GE\"}", "{\"people\": [{\"role\": \"CREATOR\", \"age\": -0}]}",
                "{\"people\": [{\"role\": \"CREATOR\", \"age\": 14.0}]}", "{\"people\": [{\"role\": \"CREATOR\", \"age\": 014}]}",
                "{\"people\": [{\"role\": \"CREATOR\", \"role\": \"SHARER\"}]}", "{\"people\": null, \"people\": []}",
                "\ufeff{}", "{} {}", "{\"adultInvolved\": true,}", "{\"reference\": \"r\u00e9f\"}")) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            assertThat(QuickIncidentReader.read(bytes)).as(body).isNull();
            // Declined, the body is read carefully: the public reader gives exactly what the careful one gives.
            assertThat(outcome(() -> IncidentJson.read(bytes, EMERGENCY))).as(body).isEqualTo(outcome(() -> IncidentJson.readCarefully(bytes, EMERGENCY)));
        }
        assertThat(QuickIncidentReader.read(" {\"people\":[ ],\"reference\":null}\r\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Incident.builder().people(List.of()).build());
    }

    private interface Reading {
        Incident read() throws InvalidRequestException;
    }

    /** The incident read, or the errors that refused it. */
    private static Object outcome(Reading reading) {
        try {
            return reading.read();
        } catch (InvalidRequestException e) {
            return e.errors();
        }
    }

    /** Whether the quick reader accepted the body; if it did, the careful one gives the same incident. */
    private static boolean agree(byte[] body) {
        Incident quick = QuickIncidentReader.read(body);
        if (quick == null) {
            return false;
        }
        Incident careful;
        try {
            careful = IncidentJson.readCarefully(body, EMERGENCY);
        } catch (InvalidRequestException e) {
            throw new AssertionError("the quick reader accepted a body the careful one refuses (" + e.errors() + "): "
                    + new String(body, StandardCharsets.ISO_8859_1));
        }
        assertThat(quick).as(new String(body, StandardCharsets.ISO_8859_1)).isEqualTo(careful);
        return true;
    }

    private static byte[] replace(byte[] body, int at, byte b) {
        byte[] copy = body.clone();
        copy[at] = b;
        return copy;
    }

    private static byte[] insert(byte[] body, int at, byte b) {
        byte[] copy = new byte[body.length + 1];
        System.arraycopy(body, 0, copy, 0, at);
        copy[at] = b;
        System.arraycopy(body, at, copy, at + 1, body.length - at);
        return copy;
    }

    private static byte[] delete(byte[] body, int at) {
        byte[] copy = new byte[body.length - 1];
        System.arraycopy(body, 0, copy, 0, at);
        System.arraycopy(body, at + 1, copy, at, body.length - at - 1);
        return copy;
    }

    @Test
    void the_benchmark_body_is_read_quickly() throws Exception {
        byte[] body = ("{\"immediateDanger\": false, \"consentGiven\": false, \"intendedHarm\": true, \"coercionOrBlackmail\": false, "
                + "\"mediaType\": \"IMAGE\", \"sharing\": \"SHARED_WITH_FEW\", \"device\": \"PERSONAL\", \"people\": [{\"role\": "
                + "\"CREATOR\", \"age\": 14}, {\"role\": \"SHARER\", \"age\": 15}], \"reference\": \"bench-0001\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(QuickIncidentReader.read(body)).isNotNull().isEqualTo(IncidentJson.readCarefully(body, EMERGENCY));
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
        String body = "{" + String.join(separator(random), fields) + "}";
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

    private static String separator(Random random) {
        return oneOf(random, ", ", ",", " , ", ",\n  ", "\t,\r\n");
    }

    private static String oneOf(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }
}
