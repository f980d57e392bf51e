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

    static final String TOKEN_EXAMPLE =
            "eyJhbGciOiJFUzI1NiIsImtpZCI6Imludi0yMDI2LTExIn0.eyJpc3MiOiJ1cm46dm9jOnN1cnZleS1zZXJ2aWNlIn0.c2lnbmF0dXJl";
    static final String VIEW_EXAMPLE = """
            {"invitation": {"id": "6a1f0c3e-2b4d-4e5f-8a9b-0c1d2e3f4a5b", "expiresAt": "2026-12-09T10:00:00Z",
                            "locale": "fr", "status": "OPEN"},
             "survey": {"id": "5f0c2a9e-8b1d-4c3e-a7f6-2d9e8c7b6a50", "version": 1, "locale": "fr",
              "questions": [
               {"id": "nps", "type": "NPS", "required": true, "min": 0, "max": 10,
                "text": "Recommanderiez-vous notre banque ?", "minLabel": "Pas du tout probable", "maxLabel": "Très probable"},
               {"id": "what-went-wrong", "type": "MULTI_CHOICE", "required": true,
                "text": "Qu'est-ce qui n'a pas fonctionné ?",
                "options": [{"id": "late", "text": "Elle est arrivée en retard"}, {"id": "damaged", "text": "Elle était abîmée"}],
                "minSelected": 1, "maxSelected": 2, "showIf": {"questionId": "nps", "operator": "LE", "value": 6}},
               {"id": "reason", "type": "TEXT", "required": false, "text": "Pour quelle raison principale ?"}]}}""";
    static final String REQUEST_EXAMPLE = """
            {"id": "0b7e4c1a-5d2f-4f7e-9a51-3c1d2e4f5a6b",
             "answers": [{"questionId": "nps", "score": 3}, {"questionId": "what-went-wrong", "optionIds": ["late"]},
                         {"questionId": "reason", "text": "La carte est arrivée avec une semaine de retard"}]}""";
    static final String NOT_FOUND_EXAMPLE = """
            {"type": "urn:voc:problem:invitation-not-found", "title": "Invitation not found", "status": 404,
             "detail": "this link is not a valid survey invitation", "instance": "/api/respond/{token}"}""";
    static final String EXPIRED_EXAMPLE = """
            {"type": "urn:voc:problem:invitation-expired", "title": "Invitation expired", "status": 410,
             "detail": "this survey invitation has expired and takes no more answers", "instance": "/api/respond/{token}"}""";
    static final String ANSWERED_EXAMPLE = """
            {"type": "urn:voc:problem:already-answered", "title": "Already answered", "status": 409,
             "detail": "this invitation has already been answered", "instance": "/api/respond/{token}"}""";
    static final String RATE_LIMITED_EXAMPLE = """
            {"type": "urn:voc:problem:rate-limited", "title": "Too many requests", "status": 429,
             "detail": "too many requests from this address; retry after Retry-After seconds", "instance": "/api/respond/{token}"}""";

    private final InvitationResponses invitations;

    public RespondResource(InvitationResponses invitations) {
        this.invitations = invitations;
    }

    @GET
    @Blocking // verification is CPU work and "answered" is a read: not for the event loop
    @Operation(
            summary = "Show an invitation's survey",
            description = "Verifies the invitation token and returns "
                    + "the invitation (OPEN, or ANSWERED once a response is stored) with its survey version's questions in "
                    + "the invitation's locale (the survey's default locale where it is not worded in it). No login: the "
                    + "token is the credential. Rate-limited per client address.")
    @APIResponse(
            responseCode = "200",
            description = "The invitation and its questions",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "nps-in-french", value = VIEW_EXAMPLE)))
    @APIResponse(
            responseCode = "404",
            description =
                    "Not a valid invitation (malformed, forged, unknown key, wrong issuer or audience); deliberately no reason",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "invalid", value = NOT_FOUND_EXAMPLE)))
    @APIResponse(
            responseCode = "410",
            description =
                    "The invitation has expired (urn:voc:problem:invitation-expired) or its survey is archived (urn:voc:problem:survey-closed)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "expired", value = EXPIRED_EXAMPLE)))
    @APIResponse(
            responseCode = "429",
            description = "Too many requests from this address; Retry-After says when to try again",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "rate-limited", value = RATE_LIMITED_EXAMPLE)))
    @APIResponse(
            responseCode = "503",
            description = "The invitation keys or the survey version are not available yet; retry after Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public RespondentView show(
            @Parameter(description = "The invitation token from the link", example = TOKEN_EXAMPLE) @PathParam("token")
                    String token) {
        return RespondentView.of(invitations.open(token));
    }

    @POST
    @Blocking // verification is CPU work; the thread is released once the response is queued for the writer
    @Operation(
            summary = "Answer an invitation",
            description = "Verifies the token and stores the answers as a "
                    + "response to the invitation's survey version, touchpoint, channel and customer (all from the token), "
                    + "validated exactly like POST /api/responses. An invitation takes one response; sending the same id "
                    + "and answers again returns the stored response (200).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "detractor", value = REQUEST_EXAMPLE)))
    @APIResponse(
            responseCode = "201",
            description = "Stored",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "stored", value = ResponseResource.VIEW_EXAMPLE)))
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
                                    @ExampleObject(
                                            name = "score out of range",
                                            value = ResponseResource.PROBLEM_EXAMPLE)))
    @APIResponse(
            responseCode = "404",
            description = "Not a valid invitation",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "invalid", value = NOT_FOUND_EXAMPLE)))
    @APIResponse(
            responseCode = "409",
            description =
                    "The invitation was already answered (urn:voc:problem:already-answered), or the id was used for other answers (urn:voc:problem:conflict)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "answered", value = ANSWERED_EXAMPLE)))
    @APIResponse(
            responseCode = "410",
            description = "The invitation has expired, or its survey is archived",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "expired", value = EXPIRED_EXAMPLE)))
    @APIResponse(
            responseCode = "429",
            description = "Too many requests from this address",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "rate-limited", value = RATE_LIMITED_EXAMPLE)))
    @APIResponse(
            responseCode = "503",
            description = "Not stored (overloaded, or keys or survey not available yet); retry with the same id",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> answer(
            @Parameter(description = "The invitation token from the link", example = TOKEN_EXAMPLE) @PathParam("token")
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
