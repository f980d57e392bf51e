package org.voc.cases.causes.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.cases.causes.domain.Placed;
import org.voc.cases.causes.domain.RootCauseService;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.NotFound;
import org.voc.kit.problem.Problem;
import org.voc.kit.problem.Revisions;
import org.voc.kit.security.Caller;
import org.voc.kit.security.Roles;

/**
 * The root-cause taxonomy over HTTP (docs/improvement.md, "The taxonomy"): analysts and admins keep it, everyone who
 * works or reads cases reads it. Every change takes If-Match with the cause's ETag (its version) and lands in its
 * history; causes are retired, never deleted.
 */
@Path("/api/root-causes")
@Tag(name = "Root causes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RootCauseResource {

    private static final String CHANGE = "Send If-Match with the cause's ETag: 428 without it, 412 when the cause"
            + " changed since (read it again). ";

    private final RootCauseService causes;
    private final Caller caller;
    private final SecurityIdentity identity;

    public RootCauseResource(RootCauseService causes, Caller caller, SecurityIdentity identity) {
        this.causes = causes;
        this.caller = caller;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.AGENT, Roles.MANAGER})
    @Operation(
            summary = "List the root-cause taxonomy",
            description = "Every cause, flat, in tree order (a parent right before its children, each level by"
                    + " name), each with its path of codes and names from the top category down.")
    @APIResponse(
            responseCode = "200",
            description = "The taxonomy",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RootCauseList.class),
                            examples = @ExampleObject(name = "taxonomy", value = Examples.LIST)))
    @APIResponse(
            responseCode = "400",
            description = "active is not true or false",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public RootCauseList list(
            @Parameter(
                            description = "true: active causes only (what an agent picks from); false: retired only;"
                                    + " absent: all",
                            schema = @Schema(type = SchemaType.BOOLEAN))
                    @QueryParam("active")
                    String active) {
        Boolean filter = null;
        if (active != null && !active.isBlank()) {
            if (!active.equals("true") && !active.equals("false")) {
                throw Invalid.field("active", "must be true or false");
            }
            filter = Boolean.valueOf(active);
        }
        return new RootCauseList(
                causes.list(filter).stream().map(RootCauseView::of).toList());
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(
            summary = "Create a root cause",
            description = "A new, active category, top-level or under an active parent. Its code is unique and never"
                    + " changes. Answers the cause with its ETag and Location.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "create", value = Examples.CREATE)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RootCauseView.class),
                            examples = @ExampleObject(name = "created", value = Examples.CAUSE)))
    @APIResponse(
            responseCode = "400",
            description = "The body is invalid, or parentId names no cause; errors[].field names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "409",
            description = "The code is taken, or the parent is retired",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(name = "code taken", value = Examples.CODE_TAKEN),
                                @ExampleObject(name = "retired parent", value = Examples.RETIRED_PARENT)
                            }))
    public Response create(@Valid @NotNull RootCauseRequests.Create body) {
        Placed created = causes.create(
                actor(),
                body.code(),
                new RootCauseService.Fields(body.name(), body.description(), body.parentId(), true));
        return Response.created(URI.create("/api/root-causes/" + created.cause().id()))
                .entity(RootCauseView.of(created))
                .tag(Revisions.etag(created.cause().version()))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.AGENT, Roles.MANAGER})
    @Operation(
            summary = "Read a root cause",
            description = "With its path; the ETag header carries its version, to send as If-Match with a change. An"
                    + " id that is not a UUID is a 404 as well.")
    @APIResponse(
            responseCode = "200",
            description = "The cause",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RootCauseView.class),
                            examples = @ExampleObject(name = "cause", value = Examples.CAUSE)))
    @APIResponse(
            responseCode = "404",
            description = "No cause has this id",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    public Response get(@Parameter(example = Examples.ID) @PathParam("id") String id) {
        Placed found = causes.get(NotFound.uuid("root cause", id));
        return Response.ok(RootCauseView.of(found))
                .tag(Revisions.etag(found.cause().version()))
                .build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(
            summary = "Change a root cause: rename, move, retire or reactivate it",
            description = "The body replaces the cause's name, description, parent and active flag (its code stays)."
                    + " Refused with 409: a move under the cause itself or one of its descendants (cycle); an active"
                    + " cause under a retired parent (retired-parent); retiring a cause that has active children"
                    + " (active-children). A retired cause stays on the cases that name it; no new case may name it."
                    + " Causes are never deleted. A body that changes nothing keeps the version. " + CHANGE)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "update", value = Examples.UPDATE)))
    @APIResponse(
            responseCode = "200",
            description = "Changed; the new ETag in the ETag header",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RootCauseView.class),
                            examples = @ExampleObject(name = "changed", value = Examples.CAUSE)))
    @APIResponse(
            responseCode = "400",
            description = "The body is invalid, or parentId names no cause; errors[].field names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "404",
            description = "No cause has this id",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    @APIResponse(
            responseCode = "409",
            description = "A cycle, a retired parent, or active children of a cause being retired",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(name = "cycle", value = Examples.CYCLE),
                                @ExampleObject(name = "retired parent", value = Examples.RETIRED_PARENT)
                            }))
    public Response update(
            @Parameter(example = Examples.ID) @PathParam("id") String id,
            @Parameter(description = "The cause's ETag", example = "\"1\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull RootCauseRequests.Update body) {
        java.util.UUID uuid = NotFound.uuid("root cause", id);
        long expected = Revisions.expected(ifMatch);
        Placed changed = causes.update(
                actor(),
                uuid,
                expected,
                new RootCauseService.Fields(body.name(), body.description(), body.parentId(), body.active()));
        return Response.ok(RootCauseView.of(changed))
                .tag(Revisions.etag(changed.cause().version()))
                .build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST, Roles.AGENT, Roles.MANAGER})
    @Operation(
            summary = "Read a root cause's history",
            description = "Every change of the cause, oldest first (at most 1,000): who, when, and each field changed"
                    + " with its value before and after.")
    @APIResponse(
            responseCode = "200",
            description = "The history",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RootCauseHistoryView.class),
                            examples = @ExampleObject(name = "history", value = Examples.HISTORY)))
    @APIResponse(
            responseCode = "404",
            description = "No cause has this id",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    public RootCauseHistoryView history(@Parameter(example = Examples.ID) @PathParam("id") String id) {
        return RootCauseHistoryView.of(causes.history(NotFound.uuid("root cause", id), 1000));
    }

    /** Who the history names: the user name, or the token's subject when it carries none. */
    private String actor() {
        String name = caller.username();
        return name != null ? name : identity.getPrincipal().getName();
    }
}
