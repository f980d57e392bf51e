package org.voc.survey.distribution.api;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.kit.problem.ProblemMapper;
import org.voc.events.Interaction;
import org.voc.survey.distribution.domain.DecisionResult;
import org.voc.survey.distribution.domain.DistributionService;
import org.voc.survey.distribution.domain.InteractionIntake;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import org.voc.kit.problem.DomainException;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.Violation;
import org.voc.kit.problem.Problem;
import org.voc.kit.security.Roles;

/** Interaction intake and its decisions over HTTP; deciding lives in the domain's DecisionWriter. */
@Path("/api/interactions")
@Tag(name = "Interactions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InteractionResource {

    static final String EXAMPLE = """
            {"interactionId": "crm-7781-2026-11-20", "customerRef": "cust-42", "touchpointKey": "card-delivery",
             "channel": "BRANCH", "segment": "RETAIL", "occurredAt": "2026-11-20T10:00:00Z", "employeeRef": "emp-301",
             "processRef": "card-order-5521", "locale": "fr"}""";
    static final String BY_REF_EXAMPLE = """
            {"interactionId": "crm-7782-2026-11-20", "customerRef": "cust-43",
             "touchpointRef": {"system": "crm", "ref": "card.delivered"}, "channel": "BRANCH", "segment": "RETAIL"}""";
    static final String INVITED_EXAMPLE = """
            {"decisionId": "6a1d0c3e-2b4f-4e8a-9c7d-1f2e3d4c5b6a", "interactionId": "crm-7781-2026-11-20",
             "customerRef": "cust-42", "touchpointKey": "card-delivery", "channel": "BRANCH", "segment": "RETAIL",
             "occurredAt": "2026-11-20T10:00:00Z", "decidedAt": "2026-11-20T10:00:02Z", "outcome": "INVITED",
             "explanation": "Invited to survey 'Card delivery NPS' (3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01) version 2 through SMS. Candidates: survey 'Card delivery NPS' (3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01, priority 100): sampled in at rate 0.25 (draw 0.1187); 1 invitation in the 30 days around 2026-11-20T10:00:00Z (cap 3); invited through SMS, link valid for 7 days.",
             "candidates": [{"surveyId": "3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01", "surveyVersion": 2,
               "surveyName": "Card delivery NPS", "priority": 100, "samplingRate": 0.25, "draw": 0.1187,
               "result": "INVITED", "detail": "sampled in at rate 0.25 (draw 0.1187); 1 invitation in the 30 days around 2026-11-20T10:00:00Z (cap 3); invited through SMS, link valid for 7 days"}],
             "invitation": {"id": "0d9c8b7a-6f5e-4d3c-2b1a-0f9e8d7c6b5a", "interactionId": "crm-7781-2026-11-20",
               "surveyId": "3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01", "surveyVersion": 2, "touchpointKey": "card-delivery",
               "channel": "BRANCH", "segment": "RETAIL", "customerRef": "cust-42", "locale": "fr", "deliveryChannel": "SMS",
               "occurredAt": "2026-11-20T10:00:00Z", "issuedAt": "2026-11-20T10:00:02Z", "expiresAt": "2026-11-27T10:00:02Z",
               "status": "ISSUED", "link": "https://survey.example.com/s/eyJhbGciOiJFUzI1NiIsImtpZCI6Ik…"}}""";
    static final String SUPPRESSED_EXAMPLE = """
            {"decisionId": "7b2e1d4f-3c5a-4f9b-8d6e-2a3b4c5d6e7f", "interactionId": "crm-7790-2026-11-21",
             "customerRef": "cust-42", "touchpointKey": "card-delivery", "channel": "BRANCH", "segment": "RETAIL",
             "occurredAt": "2026-11-21T09:00:00Z", "decidedAt": "2026-11-21T09:00:01Z", "outcome": "SUPPRESSED",
             "reason": "FATIGUE_CAP",
             "explanation": "Not invited: contact fatigue cap reached. Candidates: survey 'Card delivery NPS' (3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01, priority 100): sampled in at rate 1.0 (draw 0.6412), but 3 invitations in the 30 days around 2026-11-21T09:00:00Z (cap 3).",
             "candidates": [{"surveyId": "3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01", "surveyVersion": 2,
               "surveyName": "Card delivery NPS", "priority": 100, "samplingRate": 1.0, "draw": 0.6412,
               "result": "FATIGUE_CAP", "detail": "sampled in at rate 1.0 (draw 0.6412), but 3 invitations in the 30 days around 2026-11-21T09:00:00Z (cap 3)"}]}""";
    static final String BATCH_EXAMPLE = """
            {"decisions": [
              {"status": 201, "decisionId": "6a1d0c3e-2b4f-4e8a-9c7d-1f2e3d4c5b6a", "interactionId": "crm-7781-2026-11-20",
               "customerRef": "cust-42", "touchpointKey": "card-delivery", "channel": "BRANCH", "segment": "RETAIL",
               "occurredAt": "2026-11-20T10:00:00Z", "decidedAt": "2026-11-20T10:00:02Z", "outcome": "SUPPRESSED",
               "reason": "NOT_SAMPLED", "explanation": "Not invited: sampled out of every matching survey. Candidates: survey 'Card delivery NPS' (3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01, priority 100): sampled out at rate 0.25 (draw 0.7312).",
               "candidates": [{"surveyId": "3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01", "surveyVersion": 2,
                 "surveyName": "Card delivery NPS", "priority": 100, "samplingRate": 0.25, "draw": 0.7312,
                 "result": "NOT_SAMPLED", "detail": "sampled out at rate 0.25 (draw 0.7312)"}]},
              {"status": 409, "problem": {"type": "urn:voc:problem:conflict", "title": "Interaction id already used",
               "status": 409, "detail": "interaction crm-7782-2026-11-20 was already received with a different body",
               "instance": "/api/interactions/batch"}}]}""";
    static final String PROBLEM_EXAMPLE = """
            {"type": "urn:voc:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "interactions[3].customerRef is required", "instance": "/api/interactions/batch",
             "errors": [{"field": "interactions[3].customerRef", "message": "is required"}]}""";
    static final String CONFLICT_EXAMPLE = """
            {"type": "urn:voc:problem:conflict", "title": "Interaction id already used", "status": 409,
             "detail": "interaction crm-7781-2026-11-20 was already received with a different body",
             "instance": "/api/interactions", "errors": [{"field": "interactionId",
               "message": "interaction crm-7781-2026-11-20 was already received with a different body"}]}""";
    static final String UNAVAILABLE_EXAMPLE = """
            {"type": "urn:voc:problem:unavailable", "title": "Service unavailable", "status": 503,
             "detail": "too many interactions are waiting to be decided", "instance": "/api/interactions"}""";

    private final InteractionIntake intake;
    private final DistributionService service;

    public InteractionResource(InteractionIntake intake, DistributionService service) {
        this.intake = intake;
        this.service = service;
    }

    @POST
    @Blocking // the thread is released as soon as the interaction is queued
    @RolesAllowed({ Roles.ADMIN, Roles.INGEST })
    @Operation(summary = "Decide on one interaction", description = "Decides whether the interaction invites its customer "
            + "(docs/distribution.md) and answers once the decision is durable. Every decision is published on "
            + "voc.decisions, every invitation on voc.invitations. interactionId makes retries safe: the same id "
            + "and body again answers 200 with the stored decision; the same id with another body is 409. Only "
            + "this answer carries the invitation link.")
    @RequestBody(content = @Content(examples = { @ExampleObject(name = "by touchpoint key", value = EXAMPLE),
            @ExampleObject(name = "by external reference", value = BY_REF_EXAMPLE) }))
    @APIResponse(responseCode = "201", description = "Decided; Location names the decision", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "invited", value = INVITED_EXAMPLE), @ExampleObject(name = "suppressed", value = SUPPRESSED_EXAMPLE) }))
    @APIResponse(responseCode = "200", description = "Decided before under this id with the same body (a retry)", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "invited", value = INVITED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid; errors[].field names each one", content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "no customer", value = """
            {"type": "urn:voc:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "customerRef is required", "instance": "/api/interactions",
             "errors": [{"field": "customerRef", "message": "is required"}]}""")))
    @APIResponse(responseCode = "409", description = "The interaction id was already used with a different body", content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "id reused", value = CONFLICT_EXAMPLE)))
    @APIResponse(responseCode = "503", description = "Not decided (overloaded or the database is failing); retry after Retry-After with the same interaction", content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "queue full", value = UNAVAILABLE_EXAMPLE)))
    public Uni<Response> decide(@NotNull InteractionRequest request) {
        return Uni.createFrom().completionStage(intake.submit(request.toInteraction()))
                .onFailure(CompletionException.class).transform(Throwable::getCause)
                // Hands the answer to a worker thread at once: the single writer thread must not serialise requests.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(InteractionResource::answer);
    }

    @POST
    @Path("/batch")
    @Blocking
    @RolesAllowed({ Roles.ADMIN, Roles.INGEST })
    @Operation(summary = "Decide on up to 1000 interactions", description = "Checks every interaction first: if any is "
            + "invalid the answer is 400 naming it (interactions[3].customerRef) and nothing is stored. Otherwise "
            + "answers 200 once every decision is durable, with one item per interaction in request order: the decision "
            + "as for one interaction plus status "
            + "201 (decided now) or 200 (decided before, a retry); or only status 409 (id used with another body) or 503 "
            + "(not decided, send it again) with a problem. Two interactions of one customer in a batch see each other.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "two interactions", value = "{\"interactions\": ["
            + EXAMPLE + ", " + BY_REF_EXAMPLE + "]}")))
    @APIResponse(responseCode = "200", description = "Every interaction settled", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "decided", value = BATCH_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "An interaction is invalid (each one at fault is named) or there are more than 1000", content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "fourth item", value = PROBLEM_EXAMPLE)))
    @APIResponse(responseCode = "503", description = "The queue cannot take the batch; retry after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "queue full", value = UNAVAILABLE_EXAMPLE)))
    public Uni<BatchDecisionsView> decideAll(@NotNull InteractionBatchRequest request, @Context UriInfo uri) {
        if (request.interactions() == null) {
            throw Invalid.field("interactions", "is required");
        }
        List<Interaction> interactions = request.interactions().stream()
                .map(r -> r == null ? null : r.toInteraction()).toList();
        String path = uri.getRequestUri().getRawPath();
        return Uni.createFrom().completionStage(intake.submitAll(interactions, "interactions"))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(items -> new BatchDecisionsView(items.stream().map(item -> item.result() != null
                        ? new BatchDecisionsView.Item(item.result().created() ? 201 : 200,
                                DecisionView.of(item.result().decision(), true), null)
                        : new BatchDecisionsView.Item(ProblemMapper.status(item.problem()), null,
                                ProblemMapper.problem(item.problem(), path)))
                        .toList()));
    }

    @GET
    @Path("/{interactionId}/decision")
    @RolesAllowed({ Roles.ADMIN, Roles.ANALYST, Roles.INGEST })
    @Operation(summary = "Read the decision on an interaction", description = "What was decided and why, with every candidate survey considered. The invitation link is not shown here.")
    @APIResponse(responseCode = "200", description = "The decision", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "suppressed", value = SUPPRESSED_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No interaction with this id was decided", content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "unknown", value = """
            {"type": "urn:voc:problem:not-found", "title": "decision for interaction not found", "status": 404,
             "detail": "decision for interaction 'crm-0000' does not exist", "instance": "/api/interactions/crm-0000/decision"}""")))
    public DecisionView decision(@Parameter(example = "crm-7781-2026-11-20") @PathParam("interactionId") String interactionId) {
        return DecisionView.of(service.decision(interactionId), false);
    }

    private static Response answer(DecisionResult result) {
        DecisionView view = DecisionView.of(result.decision(), true);
        return result.created()
                ? Response.created(URI.create("/api/interactions/"
                        + URLEncoder.encode(view.interactionId(), StandardCharsets.UTF_8).replace("+", "%20")
                        + "/decision")).entity(view).build()
                : Response.ok(view).build();
    }

}
