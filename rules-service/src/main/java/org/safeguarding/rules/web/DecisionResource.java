package org.safeguarding.rules.web;

import org.safeguarding.rules.json.tree.Trees;
import org.safeguarding.rules.json.tree.ProblemJson;
import java.util.List;
import java.util.Optional;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jboss.logging.Logger;
import org.safeguarding.rules.api.FieldError;
import org.safeguarding.rules.api.Incident;
import org.safeguarding.rules.api.Recommendation;
import org.safeguarding.rules.json.IncidentJson;
import org.safeguarding.rules.json.InvalidRequestException;
import org.safeguarding.rules.json.RecommendationJson;
import org.safeguarding.rules.json.tree.RuleSetJson;
import org.safeguarding.rules.rulesets.RuleSets;
import org.safeguarding.rules.rulesets.ActiveRuleSet;
import org.safeguarding.rules.rulesets.Refused;

/**
 * Decisions and the active rule set (decision model section 5). A decision costs microseconds
 * of CPU and never blocks, so it runs on the I/O thread (see docs/performance.md for the
 * measurement that chose this).
 */
@Path("/api/v1")
public class DecisionResource {
    private static final Logger LOG = Logger.getLogger(DecisionResource.class);
    static final int MAX_BODY_BYTES = IncidentJson.MAX_BODY_BYTES;

    private final RuleSets ruleSets;
    private final DecisionMetrics metrics;
    private final FolderWatch watch;

    public DecisionResource(RuleSets ruleSets, DecisionMetrics metrics, FolderWatch watch) {
        this.ruleSets = ruleSets;
        this.metrics = metrics;
        this.watch = watch;
    }

    @POST
    @Path("/decisions")
    @NonBlocking
    @RolesAllowed(Roles.DECISION_CLIENT)
    public Response decide(@HeaderParam("Content-Type") String contentType, byte[] body) {
        // One read of the active rule set: the whole decision uses it, even if another is activated meanwhile.
        Optional<ActiveRuleSet> active = ruleSets.active();
        if (active.isEmpty()) {
            return Problems.of(503, "Not ready", "The rule set is still compiling; retry shortly.");
        }
        if (!isJson(contentType)) {
            ObjectNode problem = ProblemJson.problem(ProblemJson.INVALID_REQUEST, "Unsupported media type", 415,
                    "Send the incident as application/json.", List.of(new FieldError("Content-Type", "must be application/json")));
            if (IncidentJson.saysImmediateDanger(body)) {
                ProblemJson.withEmergency(problem, active.get().engine().emergencyAction());
            }
            return Problems.of(415, problem);
        }
        try {
            ActiveRuleSet current = active.get(); // one rule set for the whole request: its engine and its encoder
            Incident incident = IncidentJson.read(body, current.engine().emergencyAction());
            long start = System.nanoTime();
            Recommendation recommendation = current.engine().decide(incident);
            long nanos = System.nanoTime() - start;
            metrics.recordDecision(recommendation, nanos);
            if (LOG.isDebugEnabled()) {
                LOG.debugf("Decision %s: %s%s in %d us, rule set %s", recommendation.decisionId(), recommendation.pathway(),
                        recommendation.provisional() ? " (provisional)" : "", nanos / 1000, recommendation.ruleSet().version());
            }
            return Response.ok(current.encoder().encode(recommendation), MediaType.APPLICATION_JSON).build();
        } catch (InvalidRequestException e) {
            int status = body.length > MAX_BODY_BYTES ? 413 : 400;
            metrics.recordRefusal(status);
            LOG.debugf("Refused a request: %d, %d field error(s)%s", status, e.errors().size(), e.emergency().isPresent() ? ", with the 999 advice" : "");
            ObjectNode problem = status == 413 ? ProblemJson.tooLarge() : ProblemJson.invalidRequest(e);
            e.emergency().ifPresent(emergency -> ProblemJson.withEmergency(problem, emergency));
            return Problems.of(status, problem);
        }
    }

    @GET
    @Path("/ruleset")
    @NonBlocking
    @RolesAllowed({Roles.DECISION_CLIENT, Roles.RULES_ADMIN})
    public Response ruleSet() {
        return ruleSets.active().map(a -> {
            ObjectNode json = RuleSetJson.toJson(a.info());
            watch.status().ifPresent(w -> json.putObject("folderWatch").put("folder", w.folder().toString())
                    .put("checkedAt", w.checkedAt().toString()).put("sha256", w.sha256()).put("activated", w.activated())
                    .put("reason", w.reason()));
            return Response.ok(Trees.writeBytes(json), MediaType.APPLICATION_JSON).build();
        })
                .orElseGet(() -> Problems.of(503, "Not ready", "The rule set is still compiling; retry shortly."));
    }

    /** application/json, with or without parameters such as charset; a missing header is refused too. */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int end = contentType.indexOf(';');
        String type = (end < 0 ? contentType : contentType.substring(0, end)).strip();
        return type.equalsIgnoreCase(MediaType.APPLICATION_JSON);
    }
}
