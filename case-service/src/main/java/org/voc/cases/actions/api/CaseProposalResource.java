package org.voc.cases.actions.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.cases.actions.domain.ImprovementAction;
import org.voc.cases.actions.domain.ImprovementActions;
import org.voc.cases.api.CallerScope;
import org.voc.kit.problem.NotFound;
import org.voc.kit.problem.Problem;
import org.voc.kit.problem.Revisions;
import org.voc.kit.security.Roles;

/** An improvement action proposed from a case (docs/cases.md, "Improvement actions"): how case agents raise one. */
@Path("/api/cases/{id}/improvement-actions")
@Tag(name = "Improvement actions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseProposalResource {

    private final ImprovementActions actions;
    private final CallerScope caller;

    public CaseProposalResource(ImprovementActions actions, CallerScope caller) {
        this.actions = actions;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.MANAGER, Roles.AGENT})
    @Operation(
            summary = "Propose an improvement action from a case",
            description = "PROPOSED, linked to the case, with the case's touchpoint among its touchpoints (besides"
                    + " any named) and the case's team as owner team. A case-agent proposes from the cases of their"
                    + " own teams only (another is a 404, as for reading it); a case without a touchpoint needs"
                    + " touchpointKeys (409 no-touchpoint).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "proposal", value = ActionExamples.PROPOSAL)))
    @APIResponse(
            responseCode = "201",
            description = "Proposed; its ETag in the ETag header",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ActionView.class),
                            examples = @ExampleObject(name = "proposed", value = ActionExamples.VIEW)))
    @APIResponse(
            responseCode = "400",
            description = "The body is invalid; errors[].field names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "404",
            description = "No case has this id, or none the caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "409",
            description = "The case has no touchpoint and the proposal names none",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response propose(
            @Parameter(example = ActionExamples.CASE_ID) @PathParam("id") String id,
            @Valid @NotNull ActionRequests.Proposal body) {
        ImprovementAction proposed =
                actions.propose(caller.scope(), NotFound.uuid("case", id), caller.actor(), body.content());
        return Response.status(Response.Status.CREATED)
                .entity(ActionView.of(proposed))
                .tag(Revisions.etag(proposed.version()))
                .header(HttpHeaders.LOCATION, "/api/improvement-actions/" + proposed.id())
                .build();
    }
}
