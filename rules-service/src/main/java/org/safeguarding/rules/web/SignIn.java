package org.safeguarding.rules.web;

import java.net.URI;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sign-in for the pages through the organisation's identity provider (OpenID Connect, e.g.
 * Keycloak or Entra ID): the page sends the lead to the provider's sign-in page and takes back
 * an access token (authorization code flow with PKCE, a public client), which it then uses like
 * a pasted token. The service keeps no session: it verifies every token against the provider's
 * keys ({@code mp.jwt.verify.publickey.location}), so nothing changes for API callers.
 * Endpoints default to Keycloak's paths under the issuer; other providers set them. Without an
 * identity provider, bin/serve's service answers {@code {"development": true}} instead
 * ({@link DevelopmentSignIn}).
 */
@ApplicationScoped
@Path("/api/v1/sign-in")
public class SignIn {
    private final Optional<String> issuer;
    private final String clientId;
    private final Optional<String> authorizationEndpoint;
    private final Optional<String> tokenEndpoint;
    private final Optional<String> endSessionEndpoint;
    private final DevelopmentSignIn development;

    public SignIn(DevelopmentSignIn development,
                  @ConfigProperty(name = "safeguarding.sign-in.issuer") Optional<String> issuer,
                  @ConfigProperty(name = "safeguarding.sign-in.client-id", defaultValue = "safeguarding-pages") String clientId,
                  @ConfigProperty(name = "safeguarding.sign-in.authorization-endpoint") Optional<String> authorizationEndpoint,
                  @ConfigProperty(name = "safeguarding.sign-in.token-endpoint") Optional<String> tokenEndpoint,
                  @ConfigProperty(name = "safeguarding.sign-in.end-session-endpoint") Optional<String> endSessionEndpoint) {
        this.issuer = issuer.map(i -> i.endsWith("/") ? i.substring(0, i.length() - 1) : i);
        this.clientId = clientId;
        this.authorizationEndpoint = authorizationEndpoint;
        this.tokenEndpoint = tokenEndpoint;
        this.endSessionEndpoint = endSessionEndpoint;
        this.development = development;
        this.issuer.ifPresent(i -> {
            for (String endpoint : new String[] {i, authorization(), token(), endSession()}) {
                URI uri = URI.create(endpoint);
                if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && DevelopmentSignIn.isLoopback(String.valueOf(uri.getHost())))) {
                    throw new IllegalArgumentException("safeguarding.sign-in: " + endpoint + " must be https (http only on this machine)");
                }
            }
        });
    }

    private String authorization() {
        return authorizationEndpoint.orElse(issuer.orElseThrow() + "/protocol/openid-connect/auth");
    }

    private String token() {
        return tokenEndpoint.orElse(issuer.orElseThrow() + "/protocol/openid-connect/token");
    }

    private String endSession() {
        return endSessionEndpoint.orElse(issuer.orElseThrow() + "/protocol/openid-connect/logout");
    }

    /** Where the pages fetch tokens from: the only other origin they may connect to (Content-Security-Policy). */
    Optional<String> tokenOrigin() {
        return issuer.map(i -> {
            URI uri = URI.create(token());
            return uri.getScheme() + "://" + uri.getAuthority();
        });
    }

    @GET
    @PermitAll
    public Response settings() {
        if (issuer.isEmpty() && development.offered()) {
            return Response.ok("{\"development\":true}", MediaType.APPLICATION_JSON).build();
        }
        if (issuer.isEmpty()) {
            return Problems.of(404, "Sign-in is not set up",
                    "This service has no identity provider configured (safeguarding.sign-in.issuer): paste an access token instead.");
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("issuer", issuer.get()).put("clientId", clientId)
                .put("authorizationEndpoint", authorization()).put("tokenEndpoint", token()).put("endSessionEndpoint", endSession());
        return Response.ok(json.toString(), MediaType.APPLICATION_JSON).build();
    }
}
