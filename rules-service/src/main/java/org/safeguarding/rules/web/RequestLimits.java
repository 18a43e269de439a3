package org.safeguarding.rules.web;

import org.safeguarding.rules.json.tree.Trees;
import org.safeguarding.rules.json.tree.ProblemJson;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.safeguarding.rules.api.FieldError;
import org.safeguarding.rules.rulesets.RuleSets;

/**
 * Limits applied to every request before any of its body is read, whatever its path looks like
 * (matrix parameters, trailing slashes and percent-encoding included): a body is at most
 * 64 KiB and must declare its length, except an upload of workbooks, which may be larger
 * (quarkus.http.limits.max-body-size) and is only read once its bearer token is known to carry
 * the rules-admin role. So no caller can make the service hold more than 64 KiB of a body
 * it did not ask for, and only an administrator can send it workbooks. A refused decision
 * request carries the 999 advice: its body was not read, so it may say a child is in danger.
 */
@ApplicationScoped
public class RequestLimits {
    static final String UPLOAD_PATH = "/api/v1/rulesets";
    static final String DECISIONS_PATH = "/api/v1/decisions";
    private static final long UPLOAD_TIMEOUT_MILLIS = 5 * 60_000;

    private final CachingJwtParser tokens;
    private final RuleSets ruleSets;
    private final BodyBudget bodies;
    private final long maxBodySize;
    private final long bodyTimeoutMillis;

    public RequestLimits(CachingJwtParser tokens, RuleSets ruleSets, io.micrometer.core.instrument.MeterRegistry registry,
                         @org.eclipse.microprofile.config.inject.ConfigProperty(name = "safeguarding.http.max-body-bytes-in-flight",
                                 defaultValue = "24M") io.quarkus.runtime.configuration.MemorySize maxBodyBytesInFlight,
                         @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.http.limits.max-body-size")
                                 io.quarkus.runtime.configuration.MemorySize maxBodySize,
                         @org.eclipse.microprofile.config.inject.ConfigProperty(name = "safeguarding.http.body-timeout", defaultValue = "15s")
                                 java.time.Duration bodyTimeout) {
        this.tokens = tokens;
        this.ruleSets = ruleSets;
        this.bodies = new BodyBudget(maxBodyBytesInFlight.asLongValue());
        this.maxBodySize = maxBodySize.asLongValue();
        this.bodyTimeoutMillis = bodyTimeout.toMillis();
        io.micrometer.core.instrument.Gauge.builder("safeguarding.http.body.bytes.held", bodies, BodyBudget::held)
                .description("Bytes of request bodies the service holds or is reading now (declared lengths)").register(registry);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (isUpload(request)) {
            checkUploader(context);
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null ? declared(length) > DecisionResource.MAX_BODY_BYTES : mayHaveUndeclaredBody(request)) {
            ObjectNode problem = length != null ? ProblemJson.tooLarge()
                    : ProblemJson.problem(ProblemJson.INVALID_REQUEST, "Length required", 411,
                            "Send the body with a Content-Length header (at most " + DecisionResource.MAX_BODY_BYTES + " bytes).",
                            List.of(new FieldError("body", "a body must declare its length")));
            if (DECISIONS_PATH.equals(canonicalPath(request.path()))) {
                ruleSets.active().ifPresent(a -> ProblemJson.withEmergency(problem, a.engine().emergencyAction()));
            }
            refuse(context, length != null ? 413 : 411, Trees.writeBytes(problem), null);
            return;
        }
        readWithinBudget(context, length);
    }

    /**
     * Lets the request on if its body fits the bodies held at once ({@link BodyBudget}); else 503,
     * before any of it is read, with the 999 advice on a decision request.
     */
    private void readWithinBudget(RoutingContext context, String length) {
        long bytes = length == null ? 0 : declared(length);
        if (bytes <= 0) {
            context.next();
            return;
        }
        if (!bodies.reserve(bytes)) {
            ObjectNode problem = ProblemJson.problem(Problems.GENERIC, "Busy", 503,
                    "The service is receiving too many requests at once. Try again in a moment.", List.of());
            if (DECISIONS_PATH.equals(canonicalPath(context.request().path()))) {
                ruleSets.active().ifPresent(a -> ProblemJson.withEmergency(problem, a.engine().emergencyAction()));
            }
            // An upload waits as long as one refused by the check limit; a decision is worth retrying at once.
            context.response().putHeader("Retry-After", isUpload(context.request()) ? "10" : "1");
            refuse(context, 503, Trees.writeBytes(problem), null);
            return;
        }
        HttpServerRequest request = context.request();
        // A body that has not all arrived within the deadline closes its connection, giving back what it
        // reserved. Not Vert.x's idle timeout: that also counts the seconds a long upload check sends nothing.
        // An upload gets longer: its check may hold the request paused, with its end not yet taken, for seconds.
        long timeout = isUpload(request) ? Math.max(bodyTimeoutMillis, UPLOAD_TIMEOUT_MILLIS) : bodyTimeoutMillis;
        long deadline = request.isEnded() ? -1 : context.vertx().setTimer(timeout, fired -> {
            if (!request.isEnded()) {
                request.connection().close();
            }
        });
        context.addEndHandler(ended -> {
            bodies.release(bytes);
            if (deadline >= 0) {
                context.vertx().cancelTimer(deadline);
            }
        });
        context.next();
    }

    /** The upload's body is read only for a token that verifies and carries the rules-admin role. */
    private void checkUploader(RoutingContext context) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        JsonWebToken token = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            try {
                token = tokens.parse(authorization.substring(7).strip());
            } catch (ParseException e) {
                token = null;
            }
        }
        if (token == null) {
            refuse(context, 401, problem("Unauthorised", 401,
                    "Send a valid bearer token (Authorization: Bearer ...) from your organisation's identity provider."), "Bearer");
        } else if (!token.getGroups().contains(Roles.RULES_ADMIN)) {
            refuse(context, 403, problem("Forbidden", 403, "Your token does not carry the role this endpoint needs."), null);
        } else {
            // An upload may come without a length (chunked): it is held to the hard limit, so that is what it reserves.
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            readWithinBudget(context, length != null ? length : Long.toString(maxBodySize));
        }
    }

    /** POST to the rule sets collection, however the path is written. */
    static boolean isUpload(HttpServerRequest request) {
        if (request.method() != HttpMethod.POST) {
            return false;
        }
        String path = request.path();
        // Decisions are the hot path: their plain spelling needs no decoding.
        return !DECISIONS_PATH.equals(path) && UPLOAD_PATH.equals(canonicalPath(path));
    }

    /** The path without matrix parameters, percent-encoding, repeated or trailing slashes; {@code null} if it cannot be decoded. */
    static String canonicalPath(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (String segment : raw.split("/")) {
            int matrix = segment.indexOf(';');
            String bare = matrix >= 0 ? segment.substring(0, matrix) : segment;
            if (bare.isEmpty()) {
                continue;
            }
            try {
                path.append('/').append(URLDecoder.decode(bare.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    /** Chunked bodies, and HTTP/2 bodies without a length, could be of any size. */
    private static boolean mayHaveUndeclaredBody(HttpServerRequest request) {
        if (request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            return true;
        }
        HttpMethod method = request.method();
        // HTTP/2 (over TLS; the plain port offers no h2c) needs no Content-Length, and a POST without a
        // body carries none: Java's HttpClient activates and rolls back like that. Those endpoints read no body, so they pass.
        return request.version() == HttpVersion.HTTP_2 && (method == HttpMethod.POST || method == HttpMethod.PUT
                || method == HttpMethod.PATCH) && !readsNoBody(canonicalPath(request.path()));
    }

    private static final java.util.regex.Pattern BODYLESS = java.util.regex.Pattern.compile(
            "/api/v1/rulesets/(rollback|[^/]+/activate)");

    private static boolean readsNoBody(String path) {
        return path != null && BODYLESS.matcher(path).matches();
    }

    private static long declared(String length) {
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // not a length: refused as if too large rather than read
        }
    }

    private static void refuse(RoutingContext context, int status, byte[] body, String challenge) {
        var response = context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problems.PROBLEM_JSON)
                .putHeader(HttpHeaders.CONNECTION, "close");
        if (challenge != null) {
            response.putHeader("WWW-Authenticate", challenge);
        }
        response.end(Buffer.buffer(body));
    }

    private static byte[] problem(String title, int status, String detail) {
        return Trees.writeBytes(ProblemJson.problem(Problems.GENERIC, title, status, detail, List.of()));
    }
}
