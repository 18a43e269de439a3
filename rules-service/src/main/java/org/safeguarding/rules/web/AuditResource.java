package org.safeguarding.rules.web;

import java.io.IOException;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.safeguarding.rules.rulesets.RuleSets;
import org.safeguarding.rules.store.AuditEntry;

/** The audit trail of the rule sets, newest first, a page at a time. */
@Path("/api/v1/audit")
@RolesAllowed(Roles.RULES_ADMIN)
public class AuditResource {
    static final int MAX_LIMIT = 200;

    private final RuleSets ruleSets;

    public AuditResource(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    @GET
    public Response audit(@QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("50") int limit)
            throws IOException {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            return Problems.of(400, "Invalid request", "offset must be 0 or more and limit from 1 to " + MAX_LIMIT + ".");
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("offset", offset).put("limit", limit);
        ArrayNode entries = json.putArray("entries");
        for (AuditEntry entry : ruleSets.audit(offset, limit)) {
            entries.addObject().put("at", entry.at().toString()).put("action", entry.action()).put("sha256", entry.sha256())
                    .put("version", entry.sha256().substring(0, Math.min(12, entry.sha256().length())))
                    .put("subject", entry.subject()).put("detail", entry.detail());
        }
        return Response.ok(json.toString(), MediaType.APPLICATION_JSON).build();
    }
}
