package org.voc.touchpoint.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.Problem;
import org.voc.kit.security.Roles;
import org.voc.touchpoint.domain.CoverageAudit;

/** The coverage audit of the whole registry (or of one tag) as JSON or CSV. */
@Path("/api/coverage")
@Tag(name = "Coverage")
public class CoverageResource {

    private final CoverageAudit audit;

    public CoverageResource(CoverageAudit audit) {
        this.audit = audit;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.ANALYST})
    @Operation(summary = "Coverage audit of the registry", description = """
            Touchpoints not retired, by stage × channel × segment; how many have an active feedback source (the latest
            published version of some survey lists them, learned from voc.surveys); the journey stages and segments with
            no DIRECT touchpoint; the touchpoints whose owner team is not registered. `tag` narrows the scope.
            JSON by default, CSV with `format=csv` or `Accept: text/csv`. docs/taxonomy.md explains how to read it.""")
    @APIResponse(
            responseCode = "200",
            description = "The audit",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        examples = @ExampleObject(name = "json", value = Examples.COVERAGE)),
                @Content(mediaType = "text/csv", examples = @ExampleObject(name = "csv", value = Examples.COVERAGE_CSV))
            })
    @APIResponse(
            responseCode = "400",
            description = "format is neither json nor csv",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response registry(
            @Parameter(description = "Only touchpoints with this tag", example = "retail-banking") @QueryParam("tag")
                    String tag,
            @Parameter(description = "json or csv", example = "csv") @QueryParam("format") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return respond(audit.registry(tag == null || tag.isBlank() ? null : tag), format, accept);
    }

    static Response respond(CoverageAudit.Report report, String format, String accept) {
        boolean csv;
        if (format == null || format.isBlank()) {
            csv = accept != null && accept.contains("text/csv") && !accept.contains(MediaType.APPLICATION_JSON);
        } else if (format.equals("csv") || format.equals("json")) {
            csv = format.equals("csv");
        } else {
            throw Invalid.field("format", "must be json or csv");
        }
        if (csv) {
            return Response.ok(CoverageCsv.of(report), "text/csv; charset=utf-8")
                    .header(
                            "Content-Disposition",
                            "attachment; filename=\"coverage-" + report.scope().replaceAll("[^A-Za-z0-9-]", "-")
                                    + ".csv\"")
                    .build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }
}
