package org.safeguarding.rules.web;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error the framework raises becomes a problem response. Unexpected failures are logged
 * by class only: an exception message could carry request content.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

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
    public Response unauthorised(RuntimeException e) {
        return Response.fromResponse(Problems.of(401, "Unauthorised",
                "Send a valid bearer token (Authorization: Bearer ...) from your organisation's identity provider."))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return Problems.of(403, "Forbidden", "Your token does not carry the role this endpoint needs.");
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.errorf("Unexpected %s while handling a request", e.getClass().getSimpleName());
        return Problems.of(500, "Internal error", "The service failed to process the request.");
    }
}
