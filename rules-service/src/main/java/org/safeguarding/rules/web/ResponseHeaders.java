package org.safeguarding.rules.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security and cache headers on every response of the main port, refusals included. The pages
 * load only their own scripts and styles and may not be framed; API responses carry facts about
 * children and are never stored by a cache; pages are revalidated each time, so a lead never
 * works from an old copy after an upgrade.
 */
@ApplicationScoped
public class ResponseHeaders {
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private final String pagePolicy;

    /** With sign-in set up, the pages may also fetch tokens from the identity provider, and nothing else. */
    public ResponseHeaders(SignIn signIn) {
        pagePolicy = signIn.tokenOrigin().map(origin -> PAGE_POLICY.replace("connect-src 'self'", "connect-src 'self' " + origin))
                .orElse(PAGE_POLICY);
    }
    /** Swagger UI configures itself with inline script and style: it may not be framed, nothing more. */
    static final String SWAGGER_POLICY = "frame-ancestors 'none'";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::add);
    }

    private void add(RoutingContext context) {
        String path = context.request().path();
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Content-Security-Policy", path != null && path.startsWith("/q/swagger-ui") ? SWAGGER_POLICY : pagePolicy);
            headers.set("Cache-Control", path != null && path.startsWith("/api/") ? "no-store" : "no-cache");
        });
        context.next();
    }
}
