package org.voc.metrics.impact.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.kit.paging.PageCursor;
import org.voc.kit.paging.PageLimit;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.NotFound;
import org.voc.kit.problem.Problem;
import org.voc.kit.security.Roles;
import org.voc.metrics.impact.domain.ImpactStudies;
import org.voc.metrics.impact.domain.Study;

/** The measured effect of improvement actions over HTTP (docs/metrics.md, "Impact of improvement actions"). */
@Path("/api/impact")
@Tag(name = "Impact")
@Produces(MediaType.APPLICATION_JSON)
public class ImpactResource {

    private final ImpactStudies studies;

    public ImpactResource(ImpactStudies studies) {
        this.studies = studies;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.MANAGER})
    @Operation(
            summary = "List impact studies",
            description = "Newest done date first; pass nextCursor as `after` for more. A pending study is listed"
                    + " without its windows: read it alone for the comparison so far.")
    @APIResponse(
            responseCode = "200",
            description = "One page",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "one judged study", value = ImpactExamples.PAGE)))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public StudyPage list(
            @Parameter(description = "IMPROVED, NO_SIGNIFICANT_CHANGE or WORSE; any (or none) when absent")
                    @QueryParam("verdict")
                    String verdict,
            @Parameter(description = "true: only studies without a verdict yet; false: only judged ones")
                    @QueryParam("pending")
                    String pending,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("after") String after,
            @Parameter(description = "Page size, 1 to 500 (default 50)", example = "50") @QueryParam("limit")
                    String limit) {
        int size = PageLimit.parse(limit);
        PageCursor.Position from = PageCursor.decode(after);
        List<Study> page = studies.list(
                verdict(verdict),
                pending(pending),
                from == null ? null : from.at(),
                from == null ? null : from.id(),
                size);
        Study last = page.size() == size ? page.get(page.size() - 1) : null;
        return new StudyPage(page, last == null ? null : PageCursor.encode(last.doneAt(), last.actionId()));
    }

    @GET
    @Path("/{actionId}")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.MANAGER})
    @Operation(
            summary = "Read the impact study of an action",
            description = "Once the after window has closed: both windows, the test and the verdict. Before that:"
                    + " the comparison so far (the after window cut at now, `interim: true`, no verdict) and"
                    + " `dueAt`, when the verdict is taken.")
    @APIResponse(
            responseCode = "200",
            description = "The study",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = {
                                @ExampleObject(name = "judged", value = ImpactExamples.ASSESSED),
                                @ExampleObject(name = "pending, figures so far", value = ImpactExamples.INTERIM)
                            }))
    @APIResponse(
            responseCode = "404",
            description = "No action marked DONE has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Study study(@PathParam("actionId") String actionId) {
        return studies.get(NotFound.uuid("Impact study", actionId), Instant.now());
    }

    private static Study.Verdict verdict(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Study.Verdict.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw Invalid.field("verdict", "must be IMPROVED, NO_SIGNIFICANT_CHANGE or WORSE");
        }
    }

    private static Boolean pending(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Invalid.field("pending", "must be true or false");
        };
    }
}
