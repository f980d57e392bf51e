package org.voc.response.api;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import jakarta.annotation.security.RolesAllowed;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.response.domain.Outcome;
import org.voc.response.domain.ProblemException;
import org.voc.response.domain.ResponseIntake;
import org.voc.response.domain.Submission;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** Customer responses over HTTP; validation lives in {@link ResponseIntake}, storing in its group-commit writer. */
@Path("/api/responses")
@Tag(name = "Responses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ResponseResource {

    static final String EXAMPLE = """
            {"id": "0b7e4c1a-5d2f-4f7e-9a51-3c1d2e4f5a6b", "surveyId": "5f0c2a9e-8b1d-4c3e-a7f6-2d9e8c7b6a50",
             "surveyVersion": 1, "touchpointKey": "card-delivery", "channel": "BRANCH", "customerRef": "cust-0042",
             "respondedAt": "2026-11-25T10:00:00Z",
             "answers": [{"questionId": "nps", "score": 3}, {"questionId": "reason", "text": "The card came a week late"}]}""";
    static final String VIEW_EXAMPLE = """
            {"id": "0b7e4c1a-5d2f-4f7e-9a51-3c1d2e4f5a6b", "surveyId": "5f0c2a9e-8b1d-4c3e-a7f6-2d9e8c7b6a50",
             "surveyVersion": 1, "touchpointKey": "card-delivery", "channel": "BRANCH", "customerRef": "cust-0042",
             "respondedAt": "2026-11-25T10:00:00Z", "receivedAt": "2026-11-25T10:00:01.250Z", "nps": 3,
             "answers": [{"questionId": "nps", "type": "NPS", "score": 3},
                         {"questionId": "reason", "type": "TEXT", "text": "The card came a week late"}]}""";
    static final String PROBLEM_EXAMPLE = """
            {"type": "urn:voc:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "answers[0].score must be between 0 and 10", "instance": "/api/responses",
             "errors": [{"field": "answers[0].score", "message": "must be between 0 and 10"}]}""";

    private final ResponseIntake intake;

    public ResponseResource(ResponseIntake intake) {
        this.intake = intake;
    }

    @POST
    @Blocking // validation may read the survey replica; the thread is released as soon as the response is queued
    @RolesAllowed({ Roles.ADMIN, Roles.INGEST })
    @Operation(summary = "Submit a response", description = "Validates the answers against the published survey "
            + "version and stores the response; it is published on voc.responses as voc.response.submitted.v1. "
            + "Send a client id to make retries safe.")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(name = "nps-with-reason", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Stored; Location names the response", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "stored", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Already stored under this id with the same body (a retry)", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "400", description = "A field is missing or does not fit the survey version", content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "score out of range", value = PROBLEM_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The id was already used for a different body", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Not stored (overloaded or the database is failing); retry after Retry-After with the same id", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> submit(@Valid @NotNull SubmitRequest request) {
        return Uni.createFrom().completionStage(intake.submit(submission(request)))
                .onFailure(CompletionException.class).transform(Throwable::getCause)
                // Hands the answer to a worker thread at once: the single writer thread must not serialise responses.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(ResponseResource::answer);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.ANALYST })
    @Operation(summary = "Read a response")
    @APIResponse(responseCode = "200", description = "The response", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "stored", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No response has this id", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ResponseView get(@Parameter(example = "0b7e4c1a-5d2f-4f7e-9a51-3c1d2e4f5a6b") @PathParam("id") String id) {
        UUID parsed;
        try {
            parsed = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("response", id);
        }
        return ResponseView.of(intake.get(parsed));
    }

    private static Response answer(Outcome outcome) {
        ResponseView view = ResponseView.of(outcome.response());
        return outcome.created()
                ? Response.created(URI.create("/api/responses/" + view.id())).entity(view).build()
                : Response.ok(view).build();
    }

    private static Submission submission(SubmitRequest r) {
        List<Submission.AnswerInput> answers = new ArrayList<>(r.answers().size());
        for (int i = 0; i < r.answers().size(); i++) {
            SubmitRequest.AnswerRequest a = r.answers().get(i);
            answers.add(new Submission.AnswerInput(a.questionId(), score(a.score(), i), a.text(), a.optionId(),
                    a.optionIds()));
        }
        return new Submission(r.id(), r.surveyId(), r.surveyVersion(), r.touchpointKey(), r.channel(),
                r.customerRef(), r.respondedAt(), answers);
    }

    /** JSON numbers go to the domain as they are (it reports fractions and ranges); anything else is refused here. */
    private static BigDecimal score(JsonNode score, int index) {
        if (score == null || score.isNull()) {
            return null;
        }
        if (!score.isNumber() || score.isFloatingPointNumber() && !Double.isFinite(score.doubleValue())) {
            throw ProblemException.invalid("answers[" + index + "].score", "must be an integer");
        }
        return score.decimalValue();
    }
}
