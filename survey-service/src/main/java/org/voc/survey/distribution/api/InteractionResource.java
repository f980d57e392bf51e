package org.voc.survey.distribution.api;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.events.Interaction;
import org.voc.kit.privacy.Disclosure;
import org.voc.kit.privacy.Privacy;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.Problem;
import org.voc.kit.problem.ProblemMapper;
import org.voc.kit.security.Roles;
import org.voc.survey.distribution.domain.DecisionResult;
import org.voc.survey.distribution.domain.DistributionService;
import org.voc.survey.distribution.domain.InteractionIntake;

/** Interaction intake and its decisions over HTTP; deciding lives in the domain's DecisionWriter. */
@Path("/api/interactions")
@Tag(name = "Interactions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InteractionResource {

    private final InteractionIntake intake;
    private final DistributionService service;
    private final Privacy privacy;

    public InteractionResource(InteractionIntake intake, DistributionService service, Privacy privacy) {
        this.intake = intake;
        this.service = service;
        this.privacy = privacy;
    }

    @POST
    @Blocking // the thread is released as soon as the interaction is queued
    @RolesAllowed({Roles.ADMIN, Roles.INGEST})
    @Operation(
            summary = "Decide on one interaction",
            description = "Decides whether the interaction invites its customer (docs/distribution.md) and answers "
                    + "once the decision is durable. Every decision is published on voc.decisions, every invitation on "
                    + "voc.invitations. interactionId makes retries safe: the same id and body again answers 200 with "
                    + "the stored decision; the same id with another body is 409. Only the first answer (201) carries "
                    + "the invitation link: its token is a credential and is not stored, so a retry's 200 has the "
                    + "invitation without it (delivery adapters that cannot lose a link take it from "
                    + "voc.invitation.issued.v1).")
    @RequestBody(
            content =
                    @Content(
                            examples = {
                                @ExampleObject(name = "by touchpoint key", value = Examples.INTERACTION),
                                @ExampleObject(name = "by external reference", value = Examples.INTERACTION_BY_REF)
                            }))
    @APIResponse(
            responseCode = "201",
            description = "Decided; Location names the decision",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = {
                                @ExampleObject(name = "invited", value = Examples.INVITED),
                                @ExampleObject(name = "suppressed", value = Examples.SUPPRESSED)
                            }))
    @APIResponse(
            responseCode = "200",
            description = "Decided before under this id with the same body (a retry)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "invited", value = Examples.INVITED)))
    @APIResponse(
            responseCode = "400",
            description = "A field is missing or invalid; errors[].field names each one",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "no customer", value = Examples.NO_CUSTOMER)))
    @APIResponse(
            responseCode = "409",
            description = "The interaction id was already used with a different body",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "id reused", value = Examples.INTERACTION_ID_REUSED)))
    @APIResponse(
            responseCode = "503",
            description = "Not decided (overloaded or the database is failing); retry "
                    + "after Retry-After with the same interaction",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "queue full", value = Examples.QUEUE_FULL)))
    public Uni<Response> decide(@NotNull InteractionRequest request) {
        return Uni.createFrom()
                .completionStage(intake.submit(request.toInteraction()))
                .onFailure(CompletionException.class)
                .transform(Throwable::getCause)
                // Hands the answer to a worker thread at once: the single writer thread must not serialise requests.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(InteractionResource::answer);
    }

    @POST
    @Path("/batch")
    @Blocking
    @RolesAllowed({Roles.ADMIN, Roles.INGEST})
    @Operation(
            summary = "Decide on up to 1000 interactions",
            description = "Checks every interaction first: if any is invalid the answer is 400 naming it "
                    + "(interactions[3].customerRef) and nothing is stored. Otherwise answers 200 once every decision "
                    + "is durable, with one item per interaction in request order: the decision as for one interaction "
                    + "plus status 201 (decided now) or 200 (decided before, a retry); or only status 409 (id used "
                    + "with another body) or 503 (not decided, send it again) with a problem. Two interactions of one "
                    + "customer in a batch see each other.")
    @RequestBody(
            content = @Content(examples = @ExampleObject(name = "two interactions", value = Examples.BATCH_REQUEST)))
    @APIResponse(
            responseCode = "200",
            description = "Every interaction settled",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "decided", value = Examples.BATCH_DECIDED)))
    @APIResponse(
            responseCode = "400",
            description = "An interaction is invalid (each one at fault is named) or there are more than 1000",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "fourth item", value = Examples.BATCH_INVALID)))
    @APIResponse(
            responseCode = "503",
            description = "The queue cannot take the batch; retry after Retry-After",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "queue full", value = Examples.QUEUE_FULL)))
    public Uni<BatchDecisionsView> decideAll(@NotNull InteractionBatchRequest request, @Context UriInfo uri) {
        if (request.interactions() == null) {
            throw Invalid.field("interactions", "is required");
        }
        List<Interaction> interactions = request.interactions().stream()
                .map(r -> r == null ? null : r.toInteraction())
                .toList();
        String path = uri.getRequestUri().getRawPath();
        return Uni.createFrom()
                .completionStage(intake.submitAll(interactions, "interactions"))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(items -> new BatchDecisionsView(items.stream()
                        .map(item -> item.result() != null
                                ? new BatchDecisionsView.Item(
                                        item.result().created() ? 201 : 200,
                                        DecisionView.of(item.result().decision(), true, Disclosure.CLEAR),
                                        null)
                                : new BatchDecisionsView.Item(
                                        ProblemMapper.status(item.problem()),
                                        null,
                                        ProblemMapper.problem(item.problem(), path)))
                        .toList()));
    }

    @GET
    @Path("/{interactionId}/decision")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.INGEST})
    @Operation(
            summary = "Read the decision on an interaction",
            description = "What was decided and why, with every "
                    + "candidate survey considered. The invitation link is not shown here. For a caller without"
                    + " voc-pii or voc-ingest, customerRef is the customer's pseudonym (pn-…, stable per customer).")
    @APIResponse(
            responseCode = "200",
            description = "The decision",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "suppressed", value = Examples.SUPPRESSED)))
    @APIResponse(
            responseCode = "404",
            description = "No interaction with this id was decided",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "unknown", value = Examples.DECISION_NOT_FOUND)))
    public DecisionView decision(
            @Parameter(example = "crm-7781-2026-11-20") @PathParam("interactionId") String interactionId) {
        return DecisionView.of(service.decision(interactionId), false, privacy.forCaller(Roles.INGEST));
    }

    private static Response answer(DecisionResult result) {
        // The intake caller sent the customer reference: its answer shows it as sent.
        DecisionView view = DecisionView.of(result.decision(), true, Disclosure.CLEAR);
        return result.created()
                ? Response.created(URI.create("/api/interactions/"
                                + URLEncoder.encode(view.interactionId(), StandardCharsets.UTF_8)
                                        .replace("+", "%20")
                                + "/decision"))
                        .entity(view)
                        .build()
                : Response.ok(view).build();
    }
}
