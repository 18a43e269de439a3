package org.safeguarding.rules.web;

import org.safeguarding.rules.json.tree.ProblemJson;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.safeguarding.rules.json.RecommendationJson;
import org.safeguarding.rules.rulesets.RuleSets;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error the framework raises becomes a problem response. Unexpected failures are logged
 * by class only: an exception message could carry request content.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final RuleSets ruleSets;

    public ProblemMappers(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problems.of(404, "Not found", "There is no resource at this path. See /q/openapi.");
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return Problems.of(405, "Method not allowed", "This path does not accept that method. See /q/openapi.");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        String reason = Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        return Problems.of(status, reason, "The request could not be processed. See /q/openapi.");
    }

    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class, io.quarkus.security.AuthenticationFailedException.class})
    public Response unauthorised(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(refusal(401, "Unauthorised",
                "Send a valid bearer token (Authorization: Bearer ...) from your organisation's identity provider.", uri))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return refusal(403, "Forbidden", "Your token does not carry the role this endpoint needs.", uri);
    }

    /**
     * A refused decision request is answered before its body is looked at, so it may say a child
     * is in immediate danger: it carries the 999 advice (decision model section 1).
     */
    private Response refusal(int status, String title, String detail, UriInfo uri) {
        ObjectNode problem = ProblemJson.problem(Problems.GENERIC, title, status, detail, java.util.List.of());
        if (RequestLimits.DECISIONS_PATH.equals(RequestLimits.canonicalPath("/" + uri.getPath()))) {
            ruleSets.active().ifPresent(a -> ProblemJson.withEmergency(problem, a.engine().emergencyAction()));
        }
        return Problems.of(status, problem);
    }

    /**
     * The rule set store could not be read or written (a database lost, a volume gone): admin
     * calls are refused for now and may be retried; decisions go on with the active rule set.
     */
    @ServerExceptionMapper
    public Response storeUnavailable(java.io.IOException e, io.vertx.core.http.HttpServerRequest request) {
        if (hasBody(request) && !request.isEnded()) {
            // Not the store: the caller closed the connection, or stalled, before its body arrived.
            LOG.debugf("A request body was not received in full: %s", e.getClass().getSimpleName());
            return Problems.of(400, "Body not received", "The request's body did not arrive in full. Send it again.");
        }
        LOG.warnf("The rule set store is unavailable: %s", e.getClass().getSimpleName());
        return Response.fromResponse(Problems.of(503, "Store unavailable",
                "The rule set store cannot be reached just now, so versions cannot be uploaded, activated or listed. "
                        + "Decisions go on with the active rule set. Try again shortly.")).header("Retry-After", "5").build();
    }

    /** Whether the request announced a body; one without (a GET) is never "ended" before it is answered, but lost no body. */
    private static boolean hasBody(io.vertx.core.http.HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        return request.getHeader("Transfer-Encoding") != null || (length != null && !length.equals("0"));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.errorf("Unexpected %s while handling a request", e.getClass().getSimpleName());
        return Problems.of(500, "Internal error", "The service failed to process the request.");
    }
}
