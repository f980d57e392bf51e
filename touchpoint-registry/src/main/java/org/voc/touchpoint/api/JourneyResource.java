package org.voc.touchpoint.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.Problem;
import org.voc.kit.problem.Revisions;
import org.voc.kit.security.Roles;
import org.voc.touchpoint.domain.CoverageAudit;
import org.voc.touchpoint.domain.Journey;
import org.voc.touchpoint.domain.JourneyService;

/** Customer journeys and their coverage audit over HTTP; business rules live in {@link JourneyService}. */
@Path("/api/journeys")
@Tag(name = "Journeys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JourneyResource {

    private final JourneyService service;
    private final CoverageAudit audit;

    public JourneyResource(JourneyService service, CoverageAudit audit) {
        this.service = service;
        this.audit = audit;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Create a journey", description = "Ordered stages, each holding registered touchpoints.")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(name = "card-onboarding", value = Examples.JOURNEY)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag headers are set",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "created", value = Examples.JOURNEY_VIEW)))
    @APIResponse(
            responseCode = "400",
            description = "A field is invalid, two stages share a name, or a touchpoint key is not registered",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "409",
            description = "The key is already used",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response create(@Valid @NotNull JourneyRequest request) {
        if (request.key() == null) {
            throw Invalid.field("key", "must not be blank");
        }
        Journey created = service.create(request.key(), fields(request));
        return Response.created(URI.create("/api/journeys/" + created.key()))
                .tag(Revisions.etag(created.revision()))
                .entity(JourneyView.of(created))
                .build();
    }

    @GET
    @Path("/{key}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.ANALYST, Roles.AGENT, Roles.MANAGER})
    @Operation(
            summary = "Read a journey by key",
            description = "The ETag header carries the revision to send as If-Match when changing or deleting.")
    @APIResponse(
            responseCode = "200",
            description = "The journey",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "card-onboarding", value = Examples.JOURNEY_VIEW)))
    @APIResponse(
            responseCode = "404",
            description = "No journey has this key",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response get(@Parameter(example = "card-onboarding") @PathParam("key") String key) {
        Journey journey = service.get(key);
        return Response.ok(JourneyView.of(journey))
                .tag(Revisions.etag(journey.revision()))
                .build();
    }

    @PUT
    @Path("/{key}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(
            summary = "Change a journey",
            description = "Replaces its name, description and stages (the key never changes).")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(name = "card-onboarding", value = Examples.JOURNEY)))
    @APIResponse(
            responseCode = "200",
            description = "Changed; the new ETag is returned",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "changed", value = Examples.JOURNEY_VIEW)))
    @APIResponse(
            responseCode = "400",
            description = "A field is invalid, or the body names another key",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "404",
            description = "No journey has this key",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response change(
            @PathParam("key") String key,
            @Parameter(description = "ETag of the revision the change is based on", example = "\"0\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull JourneyRequest request) {
        Preconditions.sameKey(key, request.key());
        Journey changed = service.change(key, Revisions.expected(ifMatch), fields(request));
        return Response.ok(JourneyView.of(changed))
                .tag(Revisions.etag(changed.revision()))
                .build();
    }

    @DELETE
    @Path("/{key}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Delete a journey", description = "Removes the journey only; its touchpoints stay registered.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "404",
            description = "No journey has this key",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = Examples.JOURNEY_NOT_FOUND)))
    public Response delete(
            @Parameter(example = "card-onboarding") @PathParam("key") String key,
            @Parameter(description = "ETag of the revision being deleted", example = "\"0\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        service.delete(key, Revisions.expected(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.ANALYST, Roles.AGENT, Roles.MANAGER})
    @Operation(
            summary = "List journeys",
            description =
                    "Ordered by key, keyset-paginated; `touchpoint` keeps the journeys that hold that touchpoint.")
    @APIResponse(
            responseCode = "200",
            description = "One page",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = Examples.JOURNEY_PAGE)))
    public Page<JourneyView> list(
            @Parameter(example = "card-delivery") @QueryParam("touchpoint") String touchpoint,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("after") String after,
            @Parameter(example = "50") @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        List<Journey> page = service.list(touchpoint == null || touchpoint.isBlank() ? null : touchpoint, after, limit);
        String next = page.size() == limit ? page.get(page.size() - 1).key() : null;
        return new Page<>(page.stream().map(JourneyView::of).toList(), next);
    }

    @GET
    @Path("/{key}/coverage")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.ANALYST})
    @Operation(summary = "Coverage audit of one journey", description = """
            The coverage audit (see GET /api/coverage) over the touchpoints of this journey that are not retired. JSON \
            by default, CSV with `format=csv` or `Accept: text/csv`.""")
    @APIResponse(
            responseCode = "200",
            description = "The audit",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        examples = @ExampleObject(name = "json", value = Examples.COVERAGE)),
                @Content(mediaType = "text/csv", examples = @ExampleObject(name = "csv", value = Examples.COVERAGE_CSV))
            })
    @APIResponse(
            responseCode = "400",
            description = "format is neither json nor csv",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "404",
            description = "No journey has this key",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response coverage(
            @Parameter(example = "card-onboarding") @PathParam("key") String key,
            @Parameter(description = "json or csv", example = "csv") @QueryParam("format") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return CoverageResource.respond(audit.journey(key), format, accept);
    }

    private static JourneyService.Fields fields(JourneyRequest r) {
        return new JourneyService.Fields(
                r.name(),
                r.description(),
                r.stages().stream()
                        .map(s -> new Journey.Stage(s.name(), s.touchpointKeys()))
                        .toList());
    }
}
