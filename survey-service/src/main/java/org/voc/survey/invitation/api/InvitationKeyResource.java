package org.voc.survey.invitation.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.kit.problem.Problem;
import org.voc.kit.security.Roles;
import org.voc.survey.invitation.domain.InvitationKeys;

/** The keys that sign invitation tokens: public halves for verifiers, the list and rotation for operators. */
@Path("/api/invitation-keys")
@Tag(name = "Invitation keys")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationKeyResource {

    /**
     * Verifiers may cache the set this long; a token with an unknown kid makes them fetch it again. Short, because a
     * key retired after a leak leaves the set at once and verifiers without the retirement event learn it here.
     */
    static final Duration JWKS_MAX_AGE = Duration.ofMinutes(1);

    private final InvitationKeys keys;

    public InvitationKeyResource(InvitationKeys keys) {
        this.keys = keys;
    }

    @GET
    @Path("/jwks")
    @PermitAll
    @SecurityRequirements // public: verifiers (response-service, delivery adapters) fetch it without a token
    @Operation(
            summary = "Public invitation keys (JWKS)",
            description = "The public halves of every key that signed an invitation still open: the current key and "
                    + "superseded keys until every invitation they signed has expired. Verify an invitation token's "
                    + "ES256 signature with the key whose kid its header names; cache the set for its Cache-Control "
                    + "max-age (60 seconds) and fetch it again when a token names an unknown kid. A key retired "
                    + "early (after a leak) leaves the set at once.")
    @APIResponse(
            responseCode = "200",
            description = "JSON Web Key Set (RFC 7517)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "jwks", value = Examples.JWKS)))
    public Response jwks() {
        return Response.ok(Map.of("keys", keys.publicKeys()))
                .header("Cache-Control", "public, max-age=" + JWKS_MAX_AGE.toSeconds())
                .build();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "List invitation keys",
            description = "Every signing key, newest first: the current one, "
                    + "superseded ones (still published until retireAt) and retired ones. Private keys never leave the "
                    + "service; they are stored encrypted.")
    @APIResponse(
            responseCode = "200",
            description = "The keys",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "keys", value = Examples.KEYS)))
    public List<InvitationKeys.KeyInfo> list() {
        return keys.list();
    }

    @POST
    @Path("/rotate")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Rotate the invitation key",
            description = "Makes a new key current at once (keys also rotate by themselves every "
                    + "voc.invitation-keys.rotation-period). The old key stops signing but stays published until every "
                    + "invitation it signed has expired, so open invitations keep working.")
    @APIResponse(
            responseCode = "201",
            description = "The new current key",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "key", value = Examples.KEY)))
    public Response rotate() {
        return Response.status(Response.Status.CREATED).entity(keys.rotate()).build();
    }

    @POST
    @Path("/{kid}/retire")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Retire a leaked invitation key at once",
            description = "After a leak of a private key: the key leaves the public JWKS now, and the event "
                    + "voc.invitation-key.retired.v1 (on voc.invitation-revocations) makes response-service refuse "
                    + "every token it signed as soon as it has read the event, typically within seconds. Every open "
                    + "invitation the key signed stops working: that is the price of the leak. If the key is the "
                    + "current one a new key becomes current first; other replicas keep signing with the retired key "
                    + "until they re-read the current key (voc.invitation-keys.refresh-interval, 1 minute), and "
                    + "those invitations are refused too. Retiring a retired key again changes nothing.")
    @APIResponse(
            responseCode = "200",
            description = "The retired key (retireAt is now)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "retired", value = Examples.RETIRED_KEY)))
    @APIResponse(
            responseCode = "404",
            description = "No key has this kid",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "unknown", value = Examples.KEY_NOT_FOUND)))
    public InvitationKeys.KeyInfo retire(
            @Parameter(
                            description = "The key's id, as listed and as in the tokens' kid header",
                            example = "xH3nq0Qm2C8sPz1dW9kYtQ4rVb7eLfJ6uGa5oNc0TsI")
                    @PathParam("kid")
                    String kid) {
        return keys.retire(kid);
    }
}
