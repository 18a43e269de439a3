package org.safeguarding.rules.json;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.safeguarding.rules.api.Action;
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
    public static final String REJECTED_INCIDENT = "urn:safeguarding:problem:rejected-incident";
    public static final String INVALID_TABLES = "urn:safeguarding:problem:invalid-tables";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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
        json.putObject("ruleSet").put("version", r.ruleSet().version()).put("sha256", r.ruleSet().sha256());
        return json;
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
}
