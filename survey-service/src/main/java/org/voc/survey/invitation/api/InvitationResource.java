package org.voc.survey.invitation.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.kit.privacy.Privacy;
import org.voc.kit.problem.NotFound;
import org.voc.kit.problem.Problem;
import org.voc.kit.security.Roles;
import org.voc.survey.invitation.domain.InvitationService;

/** Invitations issued by distribution, read back by analysts, revoked by operators. */
@Path("/api/invitations")
@Tag(name = "Interactions")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationResource {

    private final InvitationService service;
    private final Privacy privacy;

    public InvitationResource(InvitationService service, Privacy privacy) {
        this.service = service;
        this.privacy = privacy;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(
            summary = "Read an invitation",
            description = "Status ISSUED until expiresAt, then EXPIRED (set by a "
                    + "sweep shortly after), or REVOKED by an operator. The link and its token are not shown: they "
                    + "are shown once, when the invitation is issued, and not stored. customerRef is a pseudonym "
                    + "(pn-…, stable per customer) unless the caller holds voc-pii.")
    @APIResponse(
            responseCode = "200",
            description = "The invitation",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "issued", value = Examples.INVITATION)))
    @APIResponse(
            responseCode = "404",
            description = "No invitation has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public InvitationView get(@Parameter(example = "0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a") @PathParam("id") String id) {
        UUID parsed = NotFound.uuid("invitation", id);
        return InvitationView.of(service.invitation(parsed), false, privacy.forCaller());
    }

    @POST
    @Path("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Revoke an invitation",
            description = "Withdraws one invitation (a link sent to the wrong person, a leaked link): status REVOKED, "
                    + "and the event voc.invitation.revoked.v1 (on voc.invitation-revocations) makes response-service "
                    + "refuse its token with 410 as soon as it has read the event, typically within seconds. The "
                    + "body is optional. Idempotent: revoking a revoked invitation answers it unchanged. An expired "
                    + "invitation is refused already and stays EXPIRED (409).")
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "with reason", value = Examples.REVOKE_REQUEST)))
    @APIResponse(
            responseCode = "200",
            description = "The revoked invitation",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "revoked", value = Examples.REVOKED)))
    @APIResponse(
            responseCode = "400",
            description = "The reason is longer than 500 characters",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "too long", value = Examples.REASON_TOO_LONG)))
    @APIResponse(
            responseCode = "404",
            description = "No invitation has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "409",
            description = "The invitation has expired already",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "expired", value = Examples.INVITATION_EXPIRED)))
    public InvitationView revoke(
            @Parameter(example = "0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a") @PathParam("id") String id,
            RevokeRequest request) {
        UUID parsed = NotFound.uuid("invitation", id);
        return InvitationView.of(
                service.revoke(parsed, request == null ? null : request.reason()), false, privacy.forCaller());
    }
}
