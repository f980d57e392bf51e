package org.voc.response.api;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.kit.privacy.Disclosure;
import org.voc.kit.privacy.Privacy;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.NotFound;
import org.voc.kit.problem.Problem;
import org.voc.kit.problem.ProblemMapper;
import org.voc.kit.problem.Violation;
import org.voc.kit.security.Roles;
import org.voc.response.domain.InvitationVerifier;
import org.voc.response.domain.Outcome;
import org.voc.response.domain.ResponseIntake;
import org.voc.response.domain.Submission;

/** Customer responses over HTTP; validation lives in {@link ResponseIntake}, storing in its group-commit writer. */
@Path("/api/responses")
@Tag(name = "Responses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ResponseResource {

    private final ResponseIntake intake;
    private final InvitationVerifier invitations;
    private final Privacy privacy;

    public ResponseResource(ResponseIntake intake, InvitationVerifier invitations, Privacy privacy) {
        this.intake = intake;
        this.invitations = invitations;
        this.privacy = privacy;
    }

    @POST
    @Blocking // validation may read the survey replica; the thread is released as soon as the response is queued
    @RolesAllowed({Roles.ADMIN, Roles.INGEST})
    @Operation(summary = "Submit a response", description = """
            Validates the answers against the published survey version and stores the response; it is published on \
            voc.responses as voc.response.submitted.v1. Send a client id to make retries safe. With invitationToken \
            the response answers that invitation: the token is verified and fills survey, version, touchpoint, channel \
            and customer, and its signed segment, employeeRef and processRef replace any in the body.""")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(name = "nps-with-reason", value = Examples.RESPONSE)))
    @APIResponse(
            responseCode = "201",
            description = "Stored; Location names the response",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "stored", value = Examples.RESPONSE_VIEW)))
    @APIResponse(
            responseCode = "200",
            description = "Already stored under this id with the same body (a retry)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(
            responseCode = "400",
            description = "A field is missing or does not fit the survey version",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples =
                                    @ExampleObject(name = "score out of range", value = Examples.SCORE_OUT_OF_RANGE)))
    @APIResponse(
            responseCode = "404",
            description = "invitationToken is not a valid invitation (urn:voc:problem:invitation-not-found)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples =
                                    @ExampleObject(
                                            name = "invalid invitation",
                                            value = Examples.INVITATION_TOKEN_NOT_FOUND)))
    @APIResponse(
            responseCode = "409",
            description = "The id was already used for a different body (urn:voc:problem:conflict), or the "
                    + "invitation was already answered (urn:voc:problem:already-answered)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "410",
            description = "invitationToken has expired (urn:voc:problem:invitation-expired), was revoked "
                    + "(urn:voc:problem:invitation-revoked) or its survey is archived (urn:voc:problem:survey-closed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "503",
            description =
                    "Not stored (overloaded, the database is failing, or an invitationToken cannot be checked because "
                            + "survey-service's keys are unreachable); retry after Retry-After with the same id. "
                            + "Without invitationToken nothing here waits for survey-service.",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> submit(@Valid @NotNull SubmitRequest request) {
        return Uni.createFrom()
                .completionStage(intake.submit(submission(request)))
                .onFailure(CompletionException.class)
                .transform(Throwable::getCause)
                // Hands the answer to a worker thread at once: the single writer thread must not serialise responses.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(ResponseResource::answer);
    }

    @POST
    @Path("/batch")
    @Blocking
    @RolesAllowed({Roles.ADMIN, Roles.INGEST})
    @Operation(
            summary = "Submit up to 1000 responses (bulk import)",
            description = "Checks every response first, as one submission is checked: if any is invalid the answer "
                    + "is 400 naming it (responses[3].answers[0].score) and nothing is stored. Otherwise the "
                    + "responses are stored by the same group commit as single submissions, and the answer is 200 "
                    + "once every one has settled, with one item per response in request order: the stored response "
                    + "plus status 201 (stored now) or 200 (stored before under this id, a retry); or only a status "
                    + "and a problem: 404 or 410 (its invitationToken), 409 (id used with another body, invitation "
                    + "already answered) or 503 (not stored: send that one again, same id). Give every response an "
                    + "id, so a retried batch stores nothing twice.")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(name = "two responses", value = Examples.BATCH_REQUEST)))
    @APIResponse(
            responseCode = "200",
            description = "Every response settled",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "stored and refused", value = Examples.BATCH_STORED)))
    @APIResponse(
            responseCode = "400",
            description = "A response is invalid (each one at fault is named) or there are more than 1000",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "second response", value = Examples.BATCH_INVALID)))
    @APIResponse(
            responseCode = "503",
            description = "The queue cannot take the batch; retry after Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<BatchResponsesView> submitAll(@Valid @NotNull ResponseBatchRequest request, @Context UriInfo uri) {
        String path = uri.getRequestUri().getRawPath();
        List<Supplier<Submission>> submissions = request.responses().stream()
                .map(r -> (Supplier<Submission>) () -> submission(r))
                .toList();
        return Uni.createFrom()
                .completionStage(intake.submitAll(submissions, "responses"))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(items -> new BatchResponsesView(items.stream()
                        .map(item -> item.result() != null
                                ? new BatchResponsesView.Item(
                                        item.result().created() ? 201 : 200,
                                        ResponseView.of(item.result().response(), Disclosure.CLEAR),
                                        null)
                                : new BatchResponsesView.Item(
                                        ProblemMapper.status(item.problem()),
                                        null,
                                        ProblemMapper.problem(item.problem(), path)))
                        .toList()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(
            summary = "Read a response",
            description = "customerRef is a pseudonym (pn-…, stable per customer) and free-text answers are masked"
                    + " (e-mail addresses, phone numbers, long digit runs) unless the caller holds voc-pii.")
    @APIResponse(
            responseCode = "200",
            description = "The response",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "stored", value = Examples.RESPONSE_VIEW)))
    @APIResponse(
            responseCode = "404",
            description = "No response has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ResponseView get(@Parameter(example = "0b7e4c1a-5d2f-4f7e-9a51-3c1d2e4f5a6b") @PathParam("id") String id) {
        UUID parsed = NotFound.uuid("response", id);
        return ResponseView.of(intake.get(parsed), privacy.forCaller());
    }

    static Response answer(Outcome outcome) {
        // The answer to a submission shows what the submitting system sent (and holds anyway) as it was stored.
        ResponseView view = ResponseView.of(outcome.response(), Disclosure.CLEAR);
        return outcome.created()
                ? Response.created(URI.create("/api/responses/" + view.id()))
                        .entity(view)
                        .build()
                : Response.ok(view).build();
    }

    /** Without a token the body must name the survey and the customer; with one the invitation fills them. */
    private Submission submission(SubmitRequest r) {
        Submission s = RespondMapping.submission(
                r.id(),
                r.surveyId(),
                r.surveyVersion(),
                r.touchpointKey(),
                r.channel(),
                r.customerRef(),
                r.respondedAt(),
                r.answers(),
                r.dimensions());
        if (r.invitationToken() != null) {
            return invitations.verify(r.invitationToken(), "invitationToken").bind(s);
        }
        List<Violation> missing = new ArrayList<>();
        if (r.surveyId() == null) {
            missing.add(new Violation("surveyId", "must not be null"));
        }
        if (r.customerRef() == null || r.customerRef().isBlank()) {
            missing.add(new Violation("customerRef", "must not be blank"));
        }
        if (!missing.isEmpty()) {
            throw Invalid.of(missing);
        }
        return s;
    }
}
