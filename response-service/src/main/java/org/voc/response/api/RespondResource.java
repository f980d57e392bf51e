package org.voc.response.api;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.events.InvitationOpened;
import org.voc.kit.problem.Problem;
import org.voc.response.domain.InvitationResponses;

/**
 * The respondent API for apps and widgets: no login, the invitation token in the path is the credential. Public
 * on purpose ({@code @PermitAll}); guarded by token verification and the per-address rate limit
 * ({@link RespondentGuard}).
 */
@Path("/api/respond/{token}")
@Tag(name = "Respondents", description = "Answering an invitation with its token (no login)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
public class RespondResource {

    private final InvitationResponses invitations;

    public RespondResource(InvitationResponses invitations) {
        this.invitations = invitations;
    }

    @GET
    @Blocking // verification is CPU work and "answered" is a read: not for the event loop
    @Operation(summary = "Show an invitation's survey", description = """
            Verifies the invitation token and returns the invitation (OPEN, or ANSWERED once a response is stored) \
            with its survey version's questions in the invitation's locale (the survey's default locale where it is \
            not worded in it). No login: the token is the credential. Rate-limited per client address. The first view \
            of an OPEN invitation, here or on its hosted page, is published once as voc.invitation.opened.v1.""")
    @APIResponse(
            responseCode = "200",
            description = "The invitation and its questions",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "nps-in-french", value = Examples.INVITATION_VIEW)))
    @APIResponse(
            responseCode = "404",
            description = "Not a valid invitation (malformed, forged, unknown key, wrong issuer or "
                    + "audience); deliberately no reason",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "invalid", value = Examples.INVITATION_NOT_FOUND)))
    @APIResponse(
            responseCode = "410",
            description = "The invitation has expired (urn:voc:problem:invitation-expired), was revoked by "
                    + "survey-service (urn:voc:problem:invitation-revoked) or its survey is archived "
                    + "(urn:voc:problem:survey-closed)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(name = "expired", value = Examples.INVITATION_EXPIRED),
                                @ExampleObject(name = "revoked", value = Examples.INVITATION_REVOKED)
                            }))
    @APIResponse(
            responseCode = "429",
            description = "Too many requests from this address; Retry-After says when to try again",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "rate-limited", value = Examples.RATE_LIMITED)))
    @APIResponse(
            responseCode = "503",
            description = "The invitation keys cannot be fetched from survey-service (answered at once while it is "
                    + "unreachable) or the survey version is not replicated yet; retry after Retry-After",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "keys unavailable", value = Examples.KEYS_UNAVAILABLE)))
    public RespondentView show(
            @Parameter(description = "The invitation token from the link", example = Examples.INVITATION_TOKEN)
                    @PathParam("token")
                    String token) {
        return RespondentView.of(invitations.open(token, InvitationOpened.VIA_API));
    }

    @POST
    @Blocking // verification is CPU work; the thread is released once the response is queued for the writer
    @Operation(summary = "Answer an invitation", description = """
            Verifies the token and stores the answers as a response to the invitation's survey version, touchpoint, \
            channel and customer (all from the token), validated exactly like POST /api/responses. An invitation takes \
            one response; sending the same id and answers again returns the stored response (200).""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "detractor", value = Examples.INVITATION_ANSWERS)))
    @APIResponse(
            responseCode = "201",
            description = "Stored",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "stored", value = Examples.RESPONSE_VIEW)))
    @APIResponse(
            responseCode = "200",
            description = "Already stored under this id with the same answers (a retry)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(
            responseCode = "400",
            description = "An answer does not fit the survey version; errors[] names it",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples =
                                    @ExampleObject(name = "score out of range", value = Examples.SCORE_OUT_OF_RANGE)))
    @APIResponse(
            responseCode = "404",
            description = "Not a valid invitation",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "invalid", value = Examples.INVITATION_NOT_FOUND)))
    @APIResponse(
            responseCode = "409",
            description = "The invitation was already answered (urn:voc:problem:already-answered), or the "
                    + "id was used for other answers (urn:voc:problem:conflict)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "answered", value = Examples.ALREADY_ANSWERED)))
    @APIResponse(
            responseCode = "410",
            description = "The invitation has expired, was revoked, or its survey is archived",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(name = "expired", value = Examples.INVITATION_EXPIRED),
                                @ExampleObject(name = "revoked", value = Examples.INVITATION_REVOKED)
                            }))
    @APIResponse(
            responseCode = "429",
            description = "Too many requests from this address",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "rate-limited", value = Examples.RATE_LIMITED)))
    @APIResponse(
            responseCode = "503",
            description = "Not stored (overloaded, or keys or survey not available yet); retry with the same id",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> answer(
            @Parameter(description = "The invitation token from the link", example = Examples.INVITATION_TOKEN)
                    @PathParam("token")
                    String token,
            @Valid @NotNull RespondRequest request) {
        return Uni.createFrom()
                .completionStage(invitations.answer(token, request.id(), RespondMapping.answers(request.answers())))
                .onFailure(CompletionException.class)
                .transform(Throwable::getCause)
                // The single writer thread completes the future: hand the answer to a worker at once.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(ResponseResource::answer);
    }
}
