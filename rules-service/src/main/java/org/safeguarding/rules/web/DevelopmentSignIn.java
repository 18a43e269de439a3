package org.safeguarding.rules.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The development sign-in of {@code bin/serve}: the pages fetch a token signed with the local
 * development key, so a newcomer's first page works without copying one, and the page says
 * "development sign-in" while it is used. Offered only when all of these hold, so a deployed
 * service never offers it: the key is configured ({@code safeguarding.dev.sign-in-key}, which
 * only bin/serve sets); the service listens on a loopback address alone; the request comes from
 * this machine and names it as its host (a page on another site that a browser resolves to
 * 127.0.0.1 is refused). Otherwise the endpoint answers 404 as if it did not exist.
 */
@ApplicationScoped
@Path("/api/v1/sign-in/development")
public class DevelopmentSignIn {
    private static final Logger LOG = Logger.getLogger(DevelopmentSignIn.class);
    static final Duration LIFETIME = Duration.ofHours(8);
    static final String SUBJECT = "development";

    private final Optional<java.nio.file.Path> key;
    private final String issuer;
    private final String audience;

    public DevelopmentSignIn(@ConfigProperty(name = "safeguarding.dev.sign-in-key") Optional<java.nio.file.Path> key,
                             @ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0") String host,
                             @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
                             @ConfigProperty(name = "mp.jwt.verify.audiences") List<String> audiences) {
        if (key.isPresent() && !isLoopback(host)) {
            LOG.warnf("Development sign-in is off: the service listens on %s, beyond this machine", host);
        }
        this.key = key.filter(k -> isLoopback(host));
        this.issuer = issuer;
        this.audience = audiences.get(0);
    }

    /** A host name or literal that means this machine (also how SignIn allows plain http to a local provider). */
    static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.equals("[::1]");
    }

    private static boolean fromThisMachine(String address) {
        try {
            return java.net.InetAddress.getByName(address).isLoopbackAddress(); // a literal address: no lookup
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** Whether this service offers it at all (the pages ask through GET /api/v1/sign-in). */
    boolean offered() {
        return key.isPresent();
    }

    @POST
    @PermitAll
    public Response token(@Context HttpServerRequest request) {
        String hostHeader = request.getHeader("Host");
        String hostName = hostHeader == null ? "" : hostHeader.replaceFirst(":\\d+$", "");
        boolean local = request.remoteAddress() != null && fromThisMachine(request.remoteAddress().hostAddress());
        if (!offered() || !local || !isLoopback(hostName)) {
            return Problems.of(404, "Not offered", "This service offers no development sign-in: sign in through your organisation, "
                    + "or paste an access token.");
        }
        String token = Jwt.issuer(issuer).audience(audience).subject(SUBJECT).upn(SUBJECT).claim("preferred_username", SUBJECT)
                .groups(Set.of(Roles.DECISION_CLIENT, Roles.RULES_ADMIN)).expiresIn(LIFETIME).sign(key.get().toString());
        LOG.info("Development sign-in: a token for this machine's pages");
        return Response.ok(JsonNodeFactory.instance.objectNode().put("access_token", token).put("development", true).toString(),
                MediaType.APPLICATION_JSON).header("Cache-Control", "no-store").build();
    }
}
