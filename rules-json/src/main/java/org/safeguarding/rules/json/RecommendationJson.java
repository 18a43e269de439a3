package org.safeguarding.rules.json;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.safeguarding.rules.api.Action;
import org.safeguarding.rules.api.Warning;
import org.safeguarding.rules.api.Answer;
import org.safeguarding.rules.api.Fact;
import org.safeguarding.rules.api.FieldError;
import org.safeguarding.rules.api.Problem;
import org.safeguarding.rules.api.Question;
import org.safeguarding.rules.api.Reason;
import org.safeguarding.rules.api.Recommendation;
import org.safeguarding.rules.api.RuleSetVersion;

/**
 * Writes recommendations and problems in the shapes of decision model section 5. Problems
 * follow RFC 9457 ({@code application/problem+json}) with an {@code errors} list naming fields.
 */
public final class RecommendationJson {
    public static final String INVALID_REQUEST = "urn:safeguarding:problem:invalid-request";
    public static final String INVALID_TABLES = "urn:safeguarding:problem:invalid-tables";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();
    private static final Fragments FRAGMENTS = new Fragments();

    private RecommendationJson() {
    }

    public static ObjectNode toJson(Recommendation r) {
        ObjectNode json = NODES.objectNode();
        json.put("decisionId", r.decisionId().toString());
        json.put("reference", r.reference());
        json.put("pathway", r.pathway().name());
        json.put("provisional", r.provisional());
        json.put("summary", r.summary());
        ArrayNode actions = json.putArray("actions");
        for (Action a : r.actions()) {
            actions.addObject().put("code", a.code().name()).put("text", a.text()).put("guidance", a.guidance());
        }
        ArrayNode questions = json.putArray("questions");
        for (Question q : r.questions()) {
            questions.addObject().put("code", q.code().fieldName()).put("text", q.text()).put("why", q.why());
        }
        ArrayNode reasons = json.putArray("reasons");
        for (Reason reason : r.reasons()) {
            reasons.addObject().put("rule", reason.rule()).put("table", reason.table()).put("text", reason.text())
                    .put("guidance", reason.guidance());
        }
        ObjectNode derived = json.putObject("derivedFacts");
        r.derivedFacts().forEach((fact, answer) -> derived.put(fact.fieldName(), answer.toBoolean()));
        ArrayNode warnings = json.putArray("warnings");
        for (Warning w : r.warnings()) {
            warnings.addObject().put("field", w.field()).put("message", w.message());
        }
        json.putObject("ruleSet").put("version", r.ruleSet().version()).put("sha256", r.ruleSet().sha256());
        return json;
    }

    /**
     * The recommendation as UTF-8 JSON, the same document as {@link #toJson(Recommendation)} but
     * written without building a tree. Actions, questions, reasons and summaries are fixed per
     * rule set, so each is encoded once and its bytes reused (and a list of actions or questions
     * that the engine hands out again, actions, questions or reasons, once as a whole): most of a response is quoted text. The
     * pieces are gathered first and copied once into an array of the exact size.
     */
    public static byte[] writeBytes(Recommendation r) {
        return encode(r).toByteArray();
    }

    /**
     * The same document as {@link #writeBytes(Recommendation)}, still in its encoded pieces, for a
     * caller that copies it once straight into its own output buffer (the service writes it into
     * the buffer the network layer sends).
     */
    public static Encoded encode(Recommendation r) {
        Encoded out = new Encoded(24 + 4 * r.warnings().size() + 2 * r.derivedFacts().size());
        out.add(DECISION_ID).add(uuid(r.decisionId())).add(REFERENCE);
        out.add(r.reference() == null ? NULL : quoted(r.reference()));
        out.add(PATHWAY).add(PATHWAY_NAMES[r.pathway().ordinal()]).add(r.provisional() ? PROVISIONAL_TRUE : PROVISIONAL_FALSE)
                .add(FRAGMENTS.of(r.summary()));
        out.add(ACTIONS).add(FRAGMENTS.list(r.actions())).add(QUESTIONS).add(FRAGMENTS.list(r.questions())).add(REASONS)
                .add(FRAGMENTS.list(r.reasons())).add(DERIVED_FACTS);
        boolean first = true;
        for (Map.Entry<Fact, Answer> derived : r.derivedFacts().entrySet()) {
            out.add(DERIVED[derived.getKey().ordinal()][first ? 0 : 1][derived.getValue().ordinal()]);
            first = false;
        }
        out.add(WARNINGS);
        for (int i = 0; i < r.warnings().size(); i++) {
            Warning w = r.warnings().get(i);
            out.add(ascii(i == 0 ? "{\"field\":" : ",{\"field\":")).add(quoted(w.field())).add(MESSAGE).add(quoted(w.message()))
                    .add(CLOSE_OBJECT);
        }
        out.add(ruleSetEnd(r.ruleSet()));
        return out;
    }

    /** {@code "name":value} for each fact, first in the object or after a comma, and answer. */
    private static final byte[][][][] DERIVED = java.util.Arrays.stream(Fact.values())
            .map(fact -> new byte[][][] {answers("\"" + fact.fieldName() + "\":"), answers(",\"" + fact.fieldName() + "\":")})
            .toArray(byte[][][][]::new);

    private static byte[][] answers(String prefix) {
        return java.util.Arrays.stream(Answer.values()).map(answer -> ascii(prefix + answer.toBoolean())).toArray(byte[][]::new);
    }

    /** The end of a response naming its rule set, kept for the rule set last seen (one engine serves many decisions). */
    private record RuleSetEnd(RuleSetVersion ruleSet, byte[] bytes) {
    }

    private static volatile RuleSetEnd lastRuleSetEnd = new RuleSetEnd(null, null);

    private static byte[] ruleSetEnd(RuleSetVersion ruleSet) {
        RuleSetEnd last = lastRuleSetEnd;
        if (last.ruleSet() != ruleSet) {
            Encoded end = new Encoded(5).add(ascii("],\"ruleSet\":{\"version\":")).add(quoted(ruleSet.version()))
                    .add(ascii(",\"sha256\":")).add(quoted(ruleSet.sha256())).add(ascii("}}"));
            last = new RuleSetEnd(ruleSet, end.toByteArray());
            lastRuleSetEnd = last;
        }
        return last.bytes();
    }

    private static final byte[] HEX = ascii("0123456789abcdef");

    /** The UUID as {@link UUID#toString()} writes it, straight into bytes. */
    private static byte[] uuid(java.util.UUID id) {
        byte[] out = new byte[36];
        int at = 0;
        for (int nibble = 0; nibble < 32; nibble++) {
            if (nibble == 8 || nibble == 12 || nibble == 16 || nibble == 20) {
                out[at++] = '-';
            }
            long bits = nibble < 16 ? id.getMostSignificantBits() : id.getLeastSignificantBits();
            out[at++] = HEX[(int) (bits >>> (60 - 4 * (nibble % 16))) & 0xf];
        }
        return out;
    }

    private static final byte[] DECISION_ID = ascii("{\"decisionId\":\"");
    private static final byte[] REFERENCE = ascii("\",\"reference\":");
    private static final byte[] NULL = ascii("null");
    private static final byte[] PATHWAY = ascii(",\"pathway\":\"");
    private static final byte[][] PATHWAY_NAMES = java.util.Arrays.stream(org.safeguarding.rules.api.Pathway.values())
            .map(p -> ascii(p.name())).toArray(byte[][]::new);
    private static final byte[] PROVISIONAL_TRUE = ascii("\",\"provisional\":true,\"summary\":");
    private static final byte[] PROVISIONAL_FALSE = ascii("\",\"provisional\":false,\"summary\":");
    private static final byte[] ACTIONS = ascii(",\"actions\":");
    private static final byte[] QUESTIONS = ascii(",\"questions\":");
    private static final byte[] REASONS = ascii(",\"reasons\":");
    private static final byte[] OPEN = ascii("[");
    private static final byte[] COMMA = ascii(",");
    private static final byte[] DERIVED_FACTS = ascii(",\"derivedFacts\":{");
    private static final byte[] WARNINGS = ascii("},\"warnings\":[");
    private static final byte[] MESSAGE = ascii(",\"message\":");
    private static final byte[] CLOSE_OBJECT = ascii("}");

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] quoted(String text) {
        byte[] inner = ENCODER.quoteAsUTF8(text);
        byte[] quoted = new byte[inner.length + 2];
        quoted[0] = '"';
        System.arraycopy(inner, 0, quoted, 1, inner.length);
        quoted[quoted.length - 1] = '"';
        return quoted;
    }

    /** A JSON document in UTF-8 as the byte arrays it is made of, to be copied once to where it goes. */
    public static final class Encoded {
        private byte[][] pieces;
        private int count;
        private int length;

        private Encoded(int expected) {
            pieces = new byte[expected][];
        }

        private Encoded add(byte[] piece) {
            if (count == pieces.length) {
                pieces = java.util.Arrays.copyOf(pieces, count * 2);
            }
            pieces[count++] = piece;
            length += piece.length;
            return this;
        }

        /** Its length in bytes. */
        public int length() {
            return length;
        }

        /** Copies the document into the target at its position, moving the position past it. */
        public void copyTo(java.nio.ByteBuffer target) {
            for (int i = 0; i < count; i++) {
                target.put(pieces[i]);
            }
        }

        public byte[] toByteArray() {
            byte[] all = new byte[length];
            int at = 0;
            for (int i = 0; i < count; i++) {
                System.arraycopy(pieces[i], 0, all, at, pieces[i].length);
                at += pieces[i].length;
            }
            return all;
        }
    }

    public static ObjectNode problem(String type, String title, int status, String detail, List<FieldError> errors) {
        ObjectNode json = NODES.objectNode();
        json.put("type", type).put("title", title).put("status", status).put("detail", detail);
        ArrayNode list = json.putArray("errors");
        for (FieldError error : errors) {
            list.addObject().put("field", error.field()).put("message", error.message());
        }
        return json;
    }

    /** The refusal of a request that does not match the decision model, with the 999 advice when it said a child is in danger. */
    public static ObjectNode invalidRequest(InvalidRequestException e) {
        ObjectNode json = problem(INVALID_REQUEST, "Invalid request", 400, "The request does not match the decision model: see errors.",
                e.errors());
        e.emergency().ifPresent(emergency -> withEmergency(json, emergency));
        return json;
    }

    /** The refusal of a body over {@link IncidentJson#MAX_BODY_BYTES}, the same wherever a request is read. */
    public static ObjectNode tooLarge() {
        return problem(INVALID_REQUEST, "Request too large", 413, "A request body is at most " + IncidentJson.MAX_BODY_BYTES + " bytes.",
                List.of(new FieldError("body", "the body is over 64 KiB")));
    }

    /**
     * Adds the {@code emergency} member: the CALL_999 action, so a refusal of a request that says
     * (or may say) a child is in immediate danger still tells the caller to call 999.
     */
    public static ObjectNode withEmergency(ObjectNode problem, Action emergency) {
        problem.putObject("emergency").put("code", emergency.code().name()).put("text", emergency.text())
                .put("guidance", emergency.guidance());
        return problem;
    }

    /** Problems with decision tables: each names its workbook, sheet and cell. */
    public static ObjectNode tableProblems(String title, List<Problem> problems) {
        ObjectNode json = NODES.objectNode();
        json.put("type", INVALID_TABLES).put("title", title).put("status", 422)
                .put("detail", problems.size() + " problem(s) in the decision tables");
        json.set("problems", ReviewJson.problems(problems));
        return json;
    }

    /** UTF-8 bytes, for HTTP bodies. */
    public static byte[] writeBytes(ObjectNode json) {
        try {
            return IncidentJson.MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings, numbers and booleans always serialises", e);
        }
    }

    public static String write(ObjectNode json) {
        try {
            return IncidentJson.MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings, numbers and booleans always serialises", e);
        }
    }

    /**
     * Encoded JSON of the values a recommendation repeats. Bounded: a service that loads many rule
     * sets over its life starts afresh rather than growing without end.
     */
    private static final class Fragments {
        private static final int MAX_ENTRIES = 4096;
        private final Map<Object, byte[]> encoded = new ConcurrentHashMap<>();
        /** Whole lists by identity: the engine hands out the same list object for the same outcome. */
        private final Map<Identity, byte[]> lists = new ConcurrentHashMap<>();

        private record Identity(Object value) {
            @Override
            public boolean equals(Object other) {
                return other instanceof Identity identity && identity.value == value;
            }

            @Override
            public int hashCode() {
                return System.identityHashCode(value);
            }
        }

        byte[] list(List<?> items) {
            if (List.copyOf(items) != items) {
                return encodeList(items); // not an immutable list: it could change, so it is never remembered
            }
            Identity key = new Identity(items);
            byte[] bytes = lists.get(key);
            if (bytes == null) {
                bytes = encodeList(items);
                remember(lists, key, bytes);
            }
            return bytes;
        }

        byte[] of(Object value) {
            byte[] bytes = encoded.get(value);
            if (bytes == null) {
                bytes = encode(value);
                remember(encoded, value, bytes);
            }
            return bytes;
        }

        private static <K> void remember(Map<K, byte[]> map, K key, byte[] bytes) {
            if (map.size() >= MAX_ENTRIES) {
                map.clear();
            }
            map.put(key, bytes);
        }

        private byte[] encodeList(List<?> items) {
            Encoded pieces = new Encoded(2 * items.size() + 1);
            for (int i = 0; i < items.size(); i++) {
                pieces.add(i == 0 ? OPEN : COMMA).add(of(items.get(i)));
            }
            return pieces.add(items.isEmpty() ? ascii("[]") : ascii("]")).toByteArray();
        }

        private static byte[] encode(Object value) {
            Object node;
            if (value instanceof Action a) {
                node = NODES.objectNode().put("code", a.code().name()).put("text", a.text()).put("guidance", a.guidance());
            } else if (value instanceof Question q) {
                node = NODES.objectNode().put("code", q.code().fieldName()).put("text", q.text()).put("why", q.why());
            } else if (value instanceof Reason reason) {
                node = NODES.objectNode().put("rule", reason.rule()).put("table", reason.table()).put("text", reason.text())
                        .put("guidance", reason.guidance());
            } else if (value instanceof String text) {
                node = NODES.textNode(text);
            } else {
                throw new IllegalArgumentException("no JSON form for " + value.getClass().getSimpleName());
            }
            try {
                return IncidentJson.MAPPER.writeValueAsBytes(node);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a tree of strings always serialises", e);
            }
        }
    }
}
