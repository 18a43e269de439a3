package org.safeguarding.rules.json.tree;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.safeguarding.rules.api.Action;
import org.safeguarding.rules.api.Question;
import org.safeguarding.rules.api.Reason;
import org.safeguarding.rules.api.Recommendation;
import org.safeguarding.rules.api.Warning;

/**
 * JSON documents as Jackson trees, for the service and bin/rules, which compose them (a problem
 * with the 999 advice added, a review with its parts). Jackson's types stay in this package:
 * an embedder uses the String, byte and stream methods of {@code org.safeguarding.rules.json},
 * and this package is not exported to them ({@code module-info}).
 */
public final class Trees {
    /** Strict: a field given twice is refused, and so are NaN and Infinity. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Trees() {
    }

    /** A recommendation in the wire format (decision model section 5), as a tree. */
    public static ObjectNode recommendation(Recommendation r) {
        ObjectNode json = NODES.objectNode();
        json.put("decisionId", r.decisionId().toString());
        json.put("reference", r.reference());
        json.put("pathway", r.pathway().name());
        json.put("provisional", r.provisional());
        json.put("summary", r.summary());
        ArrayNode actions = json.putArray("actions");
        for (Action a : r.actions()) {
            actions.add(action(a));
        }
        ArrayNode questions = json.putArray("questions");
        for (Question q : r.questions()) {
            questions.add(question(q));
        }
        ArrayNode reasons = json.putArray("reasons");
        for (Reason reason : r.reasons()) {
            reasons.add(reason(reason));
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

    public static ObjectNode action(Action a) {
        return NODES.objectNode().put("code", a.code().name()).put("text", a.text()).put("guidance", a.guidance());
    }

    public static ObjectNode question(Question q) {
        return NODES.objectNode().put("code", q.code().fieldName()).put("text", q.text()).put("why", q.why());
    }

    public static ObjectNode reason(Reason reason) {
        return NODES.objectNode().put("rule", reason.rule()).put("table", reason.table()).put("text", reason.text())
                .put("guidance", reason.guidance());
    }

    /** UTF-8 bytes, for HTTP bodies. */
    public static byte[] writeBytes(JsonNode json) {
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings, numbers and booleans always serialises", e);
        }
    }

    public static String write(JsonNode json) {
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings, numbers and booleans always serialises", e);
        }
    }
}
