package org.voc.survey.invitation.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.kit.privacy.Privacy;
import org.voc.kit.problem.NotFound;
import org.voc.kit.problem.Problem;
import org.voc.kit.security.Roles;
import org.voc.survey.invitation.domain.InvitationService;

/** Invitations issued by distribution, read back by analysts. */
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
                    + "sweep shortly after). The link and its token are not shown. customerRef is a pseudonym (pn-…,"
                    + " stable per customer) unless the caller holds voc-pii.")
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
}
