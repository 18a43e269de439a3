package org.safeguarding.rules.web;

import org.safeguarding.rules.json.tree.ProblemJson;
import org.safeguarding.rules.json.tree.Trees;
import java.util.List;

import jakarta.ws.rs.core.Response;
import org.safeguarding.rules.api.FieldError;
import org.safeguarding.rules.json.RecommendationJson;
import org.safeguarding.rules.rulesets.Refused;

/** RFC 9457 problem responses ({@code application/problem+json}); never a stack trace or class name. */
final class Problems {
    static final String PROBLEM_JSON = "application/problem+json";
    static final String GENERIC = "urn:safeguarding:problem:http";
    /** Activation or roll back waits for {@code confirmed=true}: the changes marked for checking must be read first. */
    static final String NEEDS_CONFIRMATION = "urn:safeguarding:problem:needs-confirmation";

    private Problems() {
    }

    static Response of(int status, String type, String title, String detail, List<FieldError> errors) {
        return Response.status(status).type(PROBLEM_JSON)
                .entity(Trees.write(ProblemJson.problem(type, title, status, detail, errors))).build();
    }

    static Response of(int status, com.fasterxml.jackson.databind.node.ObjectNode problem) {
        return Response.status(status).type(PROBLEM_JSON).entity(Trees.write(problem)).build();
    }

    static Response of(int status, String title, String detail) {
        return of(status, GENERIC, title, detail, List.of());
    }

    static Response refused(Refused refused, String title) {
        return of(refused.status(), refused.needsConfirmation() ? NEEDS_CONFIRMATION : GENERIC, title, refused.getMessage(), List.of());
    }
}
