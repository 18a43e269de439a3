package org.safeguarding.rules.json;

import java.io.ByteArrayOutputStream;
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
     * rule set, so each is encoded once and its bytes reused: most of a response is quoted text.
     */
    public static byte[] writeBytes(Recommendation r) {
        ByteArrayBuilder out = new ByteArrayBuilder(16 * 1024);
        out.raw("{\"decisionId\":\"").raw(r.decisionId().toString()).raw("\",\"reference\":");
        if (r.reference() == null) {
            out.raw("null");
        } else {
            out.bytes(ENCODER.quoteAsUTF8(r.reference()), true);
        }
        out.raw(",\"pathway\":\"").raw(r.pathway().name()).raw("\",\"provisional\":").raw(Boolean.toString(r.provisional()))
                .raw(",\"summary\":").bytes(FRAGMENTS.of(r.summary()), false);
        out.raw(",\"actions\":");
        array(out, r.actions());
        out.raw(",\"questions\":");
        array(out, r.questions());
        out.raw(",\"reasons\":");
        array(out, r.reasons());
        out.raw(",\"derivedFacts\":{");
        boolean first = true;
        for (Map.Entry<Fact, Answer> derived : r.derivedFacts().entrySet()) {
            out.raw(first ? "\"" : ",\"").raw(derived.getKey().fieldName()).raw("\":").raw(String.valueOf(derived.getValue().toBoolean()));
            first = false;
        }
        out.raw("},\"warnings\":[");
        for (int i = 0; i < r.warnings().size(); i++) {
            Warning w = r.warnings().get(i);
            out.raw(i == 0 ? "{\"field\":" : ",{\"field\":").bytes(ENCODER.quoteAsUTF8(w.field()), true)
                    .raw(",\"message\":").bytes(ENCODER.quoteAsUTF8(w.message()), true).raw("}");
        }
        out.raw("],\"ruleSet\":{\"version\":\"").raw(r.ruleSet().version()).raw("\",\"sha256\":\"")
                .raw(r.ruleSet().sha256()).raw("\"}}");
        return out.toByteArray();
    }

    private static void array(ByteArrayBuilder out, List<?> items) {
        out.raw("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.raw(",");
            }
            out.bytes(FRAGMENTS.of(items.get(i)), false);
        }
        out.raw("]");
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
        ArrayNode list = json.putArray("problems");
        for (Problem p : problems) {
            list.addObject().put("workbook", p.workbook()).put("sheet", p.sheet()).put("cell", p.cell())
                    .put("message", p.message());
        }
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

        byte[] of(Object value) {
            byte[] bytes = encoded.get(value);
            if (bytes == null) {
                bytes = encode(value);
                if (encoded.size() >= MAX_ENTRIES) {
                    encoded.clear();
                }
                encoded.put(value, bytes);
            }
            return bytes;
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

    /** A growable byte buffer that writes ASCII scaffolding and pre-encoded fragments. */
    private static final class ByteArrayBuilder extends ByteArrayOutputStream {
        ByteArrayBuilder(int size) {
            super(size);
        }

        ByteArrayBuilder raw(String ascii) {
            byte[] bytes = ascii.getBytes(StandardCharsets.ISO_8859_1);
            write(bytes, 0, bytes.length);
            return this;
        }

        ByteArrayBuilder bytes(byte[] bytes, boolean quote) {
            if (quote) {
                write('"');
            }
            write(bytes, 0, bytes.length);
            if (quote) {
                write('"');
            }
            return this;
        }
    }
}
