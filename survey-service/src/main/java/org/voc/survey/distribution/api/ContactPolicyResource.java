package org.voc.survey.distribution.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.kit.problem.Problem;
import org.voc.kit.security.Roles;
import org.voc.survey.api.Caller;
import org.voc.survey.distribution.domain.DistributionService;

/** The global contact policy (fatigue cap) over HTTP. */
@Path("/api/contact-policy")
@Tag(name = "Contact governance")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContactPolicyResource {

    private final DistributionService service;
    private final JsonWebToken token;

    public ContactPolicyResource(DistributionService service, JsonWebToken token) {
        this.service = service;
        this.token = token;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.ANALYST})
    @Operation(
            summary = "Read the contact policy",
            description = "At most maxInvitations invitations per customer whose interactions lie within window of "
                    + "each other, across all surveys. Until it is set, the defaults apply (3 in P30D) and defaults is "
                    + "true.")
    @APIResponse(
            responseCode = "200",
            description = "The policy in force",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "policy", value = Examples.CONTACT_POLICY)))
    public ContactPolicyView get() {
        return ContactPolicyView.of(service.policy());
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Replace the contact policy",
            description = "Takes effect for the next interaction; invitations already issued count as they are.")
    @RequestBody(
            content =
                    @Content(
                            examples = @ExampleObject(name = "3 per 30 days", value = Examples.CONTACT_POLICY_REQUEST)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "policy", value = Examples.CONTACT_POLICY)))
    @APIResponse(
            responseCode = "400",
            description = "A field is missing or out of range",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "zero", value = Examples.ZERO_INVITATIONS)))
    public ContactPolicyView replace(@NotNull ContactPolicyRequest request) {
        return ContactPolicyView.of(
                service.replacePolicy(request.maxInvitations(), request.window(), Caller.of(token)));
    }
}
