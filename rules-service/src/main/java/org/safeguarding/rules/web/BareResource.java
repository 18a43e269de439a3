package org.safeguarding.rules.web;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.safeguarding.rules.json.IncidentJson;
import org.safeguarding.rules.json.InvalidRequestException;
import org.safeguarding.rules.json.RecommendationJson;
import org.safeguarding.rules.rulesets.RuleSets;

/**
 * For benchmarks only: returns a fixed response without parsing or deciding, so the decision
 * endpoint can be compared with bare HTTP. The fixed response is the recommendation for the
 * first body it receives, so it has the size of the decisions being benchmarked. It is
 * authenticated like decisions are, so the comparison is ours alone: reading the incident,
 * deciding and writing the recommendation. Answers 404
 * unless the {@code bench} profile turns it on.
 */
@Path("/api/v1/bare")
@RolesAllowed(Roles.DECISION_CLIENT)
public class BareResource {
    private final boolean enabled;
    private final RuleSets engine;
    private volatile byte[] constant;

    public BareResource(@ConfigProperty(name = "safeguarding.bench.bare-endpoint", defaultValue = "false") boolean enabled,
                        RuleSets engine) {
        this.enabled = enabled;
        this.engine = engine;
    }

    @POST
    @NonBlocking
    public Response bare(byte[] body) {
        if (!enabled || engine.active().isEmpty()) {
            return Problems.of(404, "Not found", "There is no resource at this path. See /q/openapi.");
        }
        if (constant == null) {
            try {
                var active = engine.active().get().engine();
                constant = RecommendationJson.writeBytes(active.decide(IncidentJson.read(body, active.emergencyAction())));
            } catch (InvalidRequestException e) {
                return Problems.of(400, "Invalid request", "The first body sent here must be a valid decision request.");
            }
        }
        return Response.ok(constant, MediaType.APPLICATION_JSON).build();
    }
}
