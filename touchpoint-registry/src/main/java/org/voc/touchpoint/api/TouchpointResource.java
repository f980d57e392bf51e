package org.voc.touchpoint.api;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.touchpoint.domain.Channel;
import org.voc.touchpoint.domain.JourneyStage;
import org.voc.touchpoint.domain.ProblemException;
import org.voc.touchpoint.domain.TouchpointService;
import org.voc.touchpoint.domain.TouchpointStatus;
import org.voc.touchpoint.persistence.TouchpointEntity;
import org.voc.touchpoint.persistence.TouchpointFilter;

/** Touchpoint master data over HTTP; business rules live in {@link TouchpointService}. */
@Path("/api/touchpoints")
@Tag(name = "Touchpoints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TouchpointResource {

    static final String EXAMPLE = """
            {"key": "card-delivery", "name": "Card delivery at the branch", "channel": "BRANCH",
             "journeyStage": "ONBOARDING", "signalKind": "DIRECT", "segments": ["RETAIL"],
             "product": "debit-card", "ownerTeam": "cards-ops"}""";
    static final String VIEW_EXAMPLE = """
            {"id": "7d5c8f0e-4a43-4d53-9b1e-0a8a0c7f1e11", "key": "card-delivery",
             "name": "Card delivery at the branch", "channel": "BRANCH", "journeyStage": "ONBOARDING",
             "signalKind": "DIRECT", "segments": ["RETAIL"], "product": "debit-card", "ownerTeam": "cards-ops",
             "status": "ACTIVE", "revision": 0, "createdAt": "2026-11-25T09:00:00Z", "updatedAt": "2026-11-25T09:00:00Z"}""";
    static final String PROBLEM_EXAMPLE = """
            {"type": "urn:voc:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "channel must be one of [WEB, MOBILE_APP, ...]", "instance": "/api/touchpoints",
             "errors": [{"field": "channel", "message": "must be one of [WEB, MOBILE_APP, ...]"}]}""";

    private final TouchpointService service;

    public TouchpointResource(TouchpointService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.DESIGNER })
    @Operation(summary = "Register a touchpoint", description = "Creates an ACTIVE touchpoint (unless a status is given) and publishes its state on voc.touchpoints.")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(name = "card-delivery", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered; Location and ETag headers are set", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "created", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "invalid channel", value = PROBLEM_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The key is already registered", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response register(@Valid @NotNull TouchpointRequest request) {
        if (request.key() == null) {
            throw ProblemException.invalid("key", "must not be blank");
        }
        TouchpointEntity created = service.register(request.key(), fields(request));
        return Response.created(URI.create("/api/touchpoints/" + created.key))
                .tag(etag(created)).entity(TouchpointView.of(created)).build();
    }

    @GET
    @Path("/{key}")
    @RolesAllowed({ Roles.ADMIN, Roles.DESIGNER, Roles.ANALYST, Roles.AGENT })
    @Operation(summary = "Read a touchpoint by key", description = "The ETag header carries the revision to send as If-Match when updating.")
    @APIResponse(responseCode = "200", description = "The touchpoint", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "card-delivery", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No touchpoint has this key", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response get(@Parameter(example = "card-delivery") @PathParam("key") String key) {
        TouchpointEntity touchpoint = service.get(key);
        return Response.ok(TouchpointView.of(touchpoint)).tag(etag(touchpoint)).build();
    }

    @PUT
    @Path("/{key}")
    @RolesAllowed({ Roles.ADMIN, Roles.DESIGNER })
    @Operation(summary = "Change a touchpoint", description = "Replaces every field but the key. Requires If-Match with the current ETag; retiring is a change of status, history is never deleted.")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(name = "retire", value = """
            {"name": "Card delivery at the branch", "channel": "BRANCH", "journeyStage": "ONBOARDING",
             "signalKind": "DIRECT", "segments": ["RETAIL"], "ownerTeam": "cards-ops", "status": "RETIRED"}""")))
    @APIResponse(responseCode = "200", description = "Changed; the new ETag is returned", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "changed", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "412", description = "If-Match names an older revision", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response change(@PathParam("key") String key,
            @Parameter(description = "ETag of the revision the change is based on", example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull TouchpointRequest request) {
        if (request.key() != null && !request.key().equals(key)) {
            throw ProblemException.invalid("key", "keys are immutable: omit it or send '" + key + "'");
        }
        TouchpointEntity changed = service.change(key, revision(ifMatch), fields(request));
        return Response.ok(TouchpointView.of(changed)).tag(etag(changed)).build();
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.DESIGNER, Roles.ANALYST, Roles.AGENT })
    @Operation(summary = "List touchpoints", description = "Ordered by key, keyset-paginated: pass the nextCursor of a page as `after` to read the next page.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page", value = "{\"items\": [" + VIEW_EXAMPLE + "], \"nextCursor\": \"card-delivery\"}")))
    @APIResponse(responseCode = "400", description = "A filter has an unknown value", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public TouchpointPage list(
            @Parameter(example = "BRANCH") @QueryParam("channel") String channel,
            @Parameter(example = "ONBOARDING") @QueryParam("journeyStage") String journeyStage,
            @Parameter(example = "RETAIL") @QueryParam("segment") String segment,
            @Parameter(example = "cards-ops") @QueryParam("ownerTeam") String ownerTeam,
            @Parameter(example = "ACTIVE") @QueryParam("status") String status,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        TouchpointFilter filter = new TouchpointFilter(parse(Channel.class, channel, "channel"),
                parse(JourneyStage.class, journeyStage, "journeyStage"), segment, ownerTeam,
                parse(TouchpointStatus.class, status, "status"));
        List<TouchpointEntity> page = service.list(filter, after, limit);
        String next = page.size() == limit ? page.get(page.size() - 1).key : null;
        return new TouchpointPage(page.stream().map(TouchpointView::of).toList(), next);
    }

    private static TouchpointService.Fields fields(TouchpointRequest r) {
        return new TouchpointService.Fields(r.name(), r.description(), r.channel(), r.journeyStage(), r.signalKind(),
                r.segments(), r.product(), r.ownerTeam(), r.status());
    }

    private static EntityTag etag(TouchpointEntity touchpoint) {
        return new EntityTag(Long.toString(touchpoint.version));
    }

    private static long revision(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "Precondition required",
                    "send If-Match with the ETag of the revision you read", "If-Match");
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        try {
            return Long.parseLong(value.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "must be an ETag returned by this API, such as \"3\"");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be one of " + List.of(type.getEnumConstants()));
        }
    }
}
