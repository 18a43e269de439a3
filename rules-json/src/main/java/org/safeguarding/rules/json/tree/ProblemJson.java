package org.safeguarding.rules.json.tree;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.safeguarding.rules.api.Action;
import org.safeguarding.rules.api.FieldError;
import org.safeguarding.rules.api.Problem;
import org.safeguarding.rules.json.IncidentJson;
import org.safeguarding.rules.json.InvalidRequestException;

/** Problems in the shape of RFC 9457 ({@code application/problem+json}), with an {@code errors} list naming fields. */
public final class ProblemJson {
    public static final String INVALID_REQUEST = "urn:safeguarding:problem:invalid-request";
    public static final String INVALID_TABLES = "urn:safeguarding:problem:invalid-tables";

    private ProblemJson() {
    }

    public static ObjectNode problem(String type, String title, int status, String detail, List<FieldError> errors) {
        ObjectNode json = Trees.NODES.objectNode();
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
        problem.set("emergency", Trees.action(emergency));
        return problem;
    }

    /** Problems with decision tables: each names its workbook, sheet and cell. */
    public static ObjectNode tableProblems(String title, List<Problem> problems) {
        ObjectNode json = Trees.NODES.objectNode();
        json.put("type", INVALID_TABLES).put("title", title).put("status", 422)
                .put("detail", problems.size() + " problem(s) in the decision tables");
        json.set("problems", ReviewJson.problems(problems));
        return json;
    }
}
