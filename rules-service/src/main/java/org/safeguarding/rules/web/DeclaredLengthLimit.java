package org.safeguarding.rules.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.safeguarding.rules.json.RecommendationJson;

/**
 * Refuses a body declared (Content-Length) over 64 KiB before any of it is read, with the same
 * problem response as the resource's own check (which covers bodies sent without a length).
 * Runs ahead of every other route, including the body handler. Uploads of workbooks have
 * their own, larger limit (quarkus.http.limits.max-body-size).
 */
@ApplicationScoped
public class DeclaredLengthLimit {
    private static final byte[] TOO_LARGE = RecommendationJson.writeBytes(RecommendationJson.problem(
            RecommendationJson.INVALID_REQUEST, "Request too large", 413,
            "A decision request is at most " + DecisionResource.MAX_BODY_BYTES + " bytes.",
            java.util.List.of(new org.safeguarding.rules.api.FieldError("", "the body is over 64 KiB"))));

    void install(@Observes Router router) {
        router.route("/api/v1/decisions").order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isOver(length)) {
            context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problems.PROBLEM_JSON)
                    .putHeader(HttpHeaders.CONNECTION, "close").end(io.vertx.core.buffer.Buffer.buffer(TOO_LARGE));
            return;
        }
        context.next();
    }

    private static boolean isOver(String length) {
        try {
            return Long.parseLong(length.strip()) > DecisionResource.MAX_BODY_BYTES;
        } catch (NumberFormatException e) {
            return false; // Vert.x itself refuses a malformed length
        }
    }
}
