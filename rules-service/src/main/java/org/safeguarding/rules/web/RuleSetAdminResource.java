package org.safeguarding.rules.web;

import org.safeguarding.rules.json.tree.ProblemJson;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.safeguarding.rules.api.FieldError;
import org.safeguarding.rules.json.RecommendationJson;
import org.safeguarding.rules.rulesets.RuleSets;
import org.safeguarding.rules.rulesets.Refused;
import org.safeguarding.rules.store.RuleSetStore;
import org.safeguarding.rules.store.StoredVersion;
import org.safeguarding.rules.api.Workbook;

/**
 * The rule set store for leads and operators: upload edited workbooks (checked and stored as a
 * candidate with the full report), list and show versions, activate one that passed, roll back.
 * Runs on worker threads: checking a rule set takes seconds.
 */
@Path("/api/v1/rulesets")
@RolesAllowed(Roles.RULES_ADMIN)
public class RuleSetAdminResource {
    static final int MAX_FILES = 10;
    private static final Pattern UPLOADER = Pattern.compile("[\\p{L}\\p{N} .,@_'-]{1,64}");
    static final int MAX_NOTE = 2000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final RuleSets ruleSets;
    private final UploadChecks checks;

    private final io.quarkus.security.identity.SecurityIdentity identity;

    public RuleSetAdminResource(RuleSets ruleSets, UploadChecks checks, io.quarkus.security.identity.SecurityIdentity identity) {
        this.ruleSets = ruleSets;
        this.checks = checks;
        this.identity = identity;
    }

    /** The signed-in token's subject, for the audit trail. */
    private String subject() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    @POST
    @jakarta.ws.rs.Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("workbook") List<FileUpload> files, @RestForm("uploadedBy") String uploadedBy,
                           @RestForm("note") String note) throws IOException {
        List<FieldError> errors = new ArrayList<>();
        if (files == null || files.isEmpty()) {
            errors.add(new FieldError("workbook", "attach at least one .drl.xlsx workbook"));
        } else if (files.size() > MAX_FILES) {
            errors.add(new FieldError("workbook", "at most " + MAX_FILES + " files at once"));
        }
        if (uploadedBy == null || !UPLOADER.matcher(uploadedBy.strip()).matches()) {
            errors.add(new FieldError("uploadedBy", "give your name or role: 1 to 64 letters, digits, spaces or . , @ _ ' -"));
        }
        String cleanNote = note == null ? "" : note.strip();
        if (cleanNote.length() > MAX_NOTE || cleanNote.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            errors.add(new FieldError("note", "what changed and why, in at most " + MAX_NOTE + " characters of plain text"));
        }
        if (!errors.isEmpty()) {
            return Problems.of(400, ProblemJson.INVALID_REQUEST, "Invalid upload", "See errors.", errors);
        }
        if (!checks.tryStart()) {
            return Response.fromResponse(Problems.of(503, "Busy checking another upload",
                    "Another rule set is being checked. Send this one again in a few seconds."))
                    .header("Retry-After", UploadChecks.RETRY_AFTER_SECONDS).build();
        }
        try {
            List<Workbook> workbooks = new ArrayList<>();
            for (FileUpload file : files) {
                workbooks.add(new Workbook(uploadName(file.fileName()), Files.readAllBytes(file.uploadedFile())));
            }
            // A file that is not an .xlsx workbook at all is refused before anything is stored: nothing to keep, nothing to review.
            List<FieldError> refused = new ArrayList<>();
            for (Workbook workbook : workbooks) {
                workbook.formatRefusal().ifPresent(message -> refused.add(new FieldError(workbook.name(), message)));
            }
            if (!refused.isEmpty()) {
                return Problems.of(422, ProblemJson.INVALID_TABLES, "Not an Excel workbook (.xlsx)",
                        "Nothing was stored. Save each file named below as an Excel workbook (.xlsx) and upload it again.", refused);
            }
            StoredVersion version = ruleSets.upload(workbooks, uploadedBy.strip(), cleanNote.replace("\r", ""), subject());
            return Response.status(201).type(MediaType.APPLICATION_JSON).entity(json(version, true).toString()).build();
        } finally {
            checks.finish();
        }
    }

    /** The name as the lead's computer sent it, without control characters and at most 255 characters long. */
    private static String uploadName(String name) {
        if (name == null || name.isBlank()) {
            return "upload.xlsx";
        }
        String printable = name.replaceAll("\\p{Cntrl}", "_");
        return printable.length() <= 255 ? printable : printable.substring(0, 120) + "…" + printable.substring(printable.length() - 120);
    }

    @GET
    public Response list() throws IOException {
        Optional<RuleSetStore.Pointer> pointer = ruleSets.pointer();
        ObjectNode json = NODES.objectNode().put("active", pointer.map(RuleSetStore.Pointer::active).orElse(null))
                .put("rollbackTo", pointer.flatMap(p -> p.previous().stream().findFirst()).orElse(null));
        ArrayNode versions = json.putArray("versions");
        for (StoredVersion version : ruleSets.list()) {
            versions.add(json(version, false));
        }
        return Response.ok(json.toString(), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{sha256}")
    public Response show(@PathParam("sha256") String sha256) throws IOException {
        return ruleSets.version(sha256).map(v -> Response.ok(json(v, true).toString(), MediaType.APPLICATION_JSON).build())
                .orElseGet(() -> Problems.of(404, "Not found", "There is no rule set version with that SHA-256."));
    }

    /**
     * A stored version's rule workbook, byte for byte, to edit and upload again: the file the
     * version's SHA-256 was computed from. With several workbooks in a version, {@code name} picks one.
     */
    @GET
    @Path("/{sha256}/workbook")
    public Response workbook(@PathParam("sha256") String sha256, @jakarta.ws.rs.QueryParam("name") String name) throws IOException {
        if (ruleSets.version(sha256).isEmpty()) {
            return Problems.of(404, "Not found", "There is no rule set version with that SHA-256.");
        }
        List<Workbook> workbooks = ruleSets.workbooks(sha256);
        if (workbooks.isEmpty()) {
            return Problems.of(404, "Not found", "This version failed its checks: only its report is kept, not its workbooks.");
        }
        Optional<Workbook> chosen = name == null && workbooks.size() == 1 ? Optional.of(workbooks.get(0))
                : workbooks.stream().filter(w -> w.name().equals(name)).findFirst();
        if (chosen.isEmpty()) {
            return Problems.of(404, "Not found", "Name one of this version's workbooks: "
                    + String.join(", ", workbooks.stream().map(Workbook::name).toList()) + ".");
        }
        return Response.ok(chosen.get().bytes(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", "attachment; filename=\"" + chosen.get().name() + "\"").build();
    }

    @POST
    @Path("/{sha256}/activate")
    public Response activate(@PathParam("sha256") String sha256, @jakarta.ws.rs.QueryParam("confirmed") boolean confirmed)
            throws IOException {
        try {
            long start = System.nanoTime();
            StoredVersion version = ruleSets.activate(sha256, confirmed, subject());
            ObjectNode json = json(version, false).put("active", true).put("activationMillis", (System.nanoTime() - start) / 1_000_000);
            return Response.ok(json.toString(), MediaType.APPLICATION_JSON).build();
        } catch (Refused e) {
            return Problems.refused(e, e.status() == 409 ? "Cannot activate" : "Not found");
        }
    }

    /** What making a version live would change against the live version now: what activation and undo ask the lead to read. */
    @GET
    @Path("/{sha256}/changes")
    public Response changes(@PathParam("sha256") String sha256) throws IOException {
        try {
            Optional<org.safeguarding.rules.api.ImpactReport> impact = ruleSets.changesAgainstLive(sha256);
            ObjectNode json = NODES.objectNode().put("sha256", sha256).put("version", sha256.substring(0, Math.min(12, sha256.length())))
                    .put("live", ruleSets.active().map(a -> a.info().sha256()).orElse(null));
            if (impact.isPresent()) {
                json.set("impact", org.safeguarding.rules.json.tree.ReviewJson.impact(impact.get()));
            } else {
                json.putNull("impact");
            }
            return Response.ok(json.toString(), MediaType.APPLICATION_JSON).build();
        } catch (Refused e) {
            return Problems.of(e.status(), e.status() == 409 ? "Cannot activate" : "Not found", e.getMessage());
        }
    }

    @POST
    @Path("/rollback")
    public Response rollback(@jakarta.ws.rs.QueryParam("confirmed") boolean confirmed) throws IOException {
        try {
            return Response.ok(json(ruleSets.rollback(subject(), confirmed), false).put("active", true).toString(), MediaType.APPLICATION_JSON).build();
        } catch (Refused e) {
            return Problems.refused(e, "Cannot roll back");
        }
    }

    private ObjectNode json(StoredVersion version, boolean withReport) {
        ObjectNode json = NODES.objectNode().put("sha256", version.sha256()).put("version", version.sha256().substring(0, 12))
                .put("uploadedBy", version.uploadedBy()).put("uploadedAt", version.uploadedAt().toString()).put("note", version.note())
                .put("passed", version.passed())
                .put("active", ruleSets.active().map(a -> a.info().sha256().equals(version.sha256())).orElse(false));
        if (withReport) {
            json.set("report", version.report());
        }
        return json;
    }
}
