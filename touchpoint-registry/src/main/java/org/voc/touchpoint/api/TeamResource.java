package org.voc.touchpoint.api;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
import org.voc.touchpoint.domain.EscalationStep;
import org.voc.touchpoint.domain.Team;
import org.voc.touchpoint.domain.TeamHoliday;
import org.voc.touchpoint.domain.TeamService;

/** Teams that own touchpoints, over HTTP; business rules live in {@link TeamService}. */
@Path("/api/teams")
@Tag(name = "Teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamResource {

    private final TeamService service;

    public TeamResource(TeamService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(
            summary = "Register a team",
            description =
                    "Publishes the team's state on voc.teams. Touchpoints may name a team before it is registered.")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(name = "cards-ops", value = Examples.TEAM)))
    @APIResponse(
            responseCode = "201",
            description = "Registered; Location and ETag headers are set",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "created", value = Examples.TEAM_VIEW)))
    @APIResponse(
            responseCode = "400",
            description = "A field is missing or invalid (unknown time zone, end of day before its start, a bad"
                    + " holiday date, an escalation step's `after` that is not a duration or comes before the"
                    + " previous step's)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "409",
            description = "The key is already registered",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response register(@Valid @NotNull TeamRequest request) {
        if (request.key() == null) {
            throw Invalid.field("key", "must not be blank");
        }
        Team created = service.register(request.key(), fields(request));
        return Response.created(URI.create("/api/teams/" + created.key()))
                .tag(Revisions.etag(created.revision()))
                .entity(TeamView.of(created))
                .build();
    }

    @GET
    @Path("/{key}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.ANALYST, Roles.AGENT, Roles.MANAGER})
    @Operation(
            summary = "Read a team by key",
            description = "The ETag header carries the revision to send as If-Match when updating.")
    @APIResponse(
            responseCode = "200",
            description = "The team",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "cards-ops", value = Examples.TEAM_VIEW)))
    @APIResponse(
            responseCode = "404",
            description = "No team has this key",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response get(@Parameter(example = "cards-ops") @PathParam("key") String key) {
        Team team = service.get(key);
        return Response.ok(TeamView.of(team))
                .tag(Revisions.etag(team.revision()))
                .build();
    }

    @PUT
    @Path("/{key}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(
            summary = "Change a team",
            description = "Replaces every field (the key never changes) and publishes the new state.")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(
            content = @Content(examples = @ExampleObject(name = "cards-ops", value = Examples.TEAM)))
    @APIResponse(
            responseCode = "200",
            description = "Changed; the new ETag is returned",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "changed", value = Examples.TEAM_VIEW)))
    @APIResponse(
            responseCode = "400",
            description = "A field is invalid, or the body names another key",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "404",
            description = "No team has this key",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response change(
            @PathParam("key") String key,
            @Parameter(description = "ETag of the revision the change is based on", example = "\"0\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull TeamRequest request) {
        Preconditions.sameKey(key, request.key());
        Team changed = service.change(key, Revisions.expected(ifMatch), fields(request));
        return Response.ok(TeamView.of(changed))
                .tag(Revisions.etag(changed.revision()))
                .build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.ANALYST, Roles.AGENT, Roles.MANAGER})
    @Operation(
            summary = "List teams",
            description =
                    "Ordered by key, keyset-paginated: pass the nextCursor of a page as `after` to read the next page.")
    @APIResponse(
            responseCode = "200",
            description = "One page",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = Examples.TEAM_PAGE)))
    public Page<TeamView> list(
            @Parameter(description = "nextCursor of the previous page") @QueryParam("after") String after,
            @Parameter(example = "50") @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        List<Team> page = service.list(after, limit);
        String next = page.size() == limit ? page.get(page.size() - 1).key() : null;
        return new Page<>(page.stream().map(TeamView::of).toList(), next);
    }

    private static TeamService.Fields fields(TeamRequest r) {
        try {
            ZoneId.of(r.timeZone());
        } catch (DateTimeException e) {
            throw Invalid.field("timeZone", "must be an IANA time zone such as Europe/Paris");
        }
        return new TeamService.Fields(
                r.name(),
                r.escalationContact(),
                r.workingHours().days(),
                r.workingHours().start(),
                r.workingHours().end(),
                r.timeZone(),
                r.members() == null ? List.of() : r.members(),
                r.holidays() == null
                        ? List.of()
                        : r.holidays().stream()
                                .map(h -> new TeamHoliday(h.date(), h.name()))
                                .toList(),
                ladder(r.escalationLadder()));
    }

    private static List<EscalationStep> ladder(List<TeamRequest.EscalationStep> steps) {
        if (steps == null) {
            return List.of();
        }
        List<EscalationStep> ladder = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            TeamRequest.EscalationStep step = steps.get(i);
            Duration after;
            try {
                after = Duration.parse(step.after());
            } catch (DateTimeParseException e) {
                throw Invalid.field("escalationLadder[" + i + "].after", "must be an ISO-8601 duration such as PT2H");
            }
            ladder.add(new EscalationStep(after, step.recipients(), step.label()));
        }
        return ladder;
    }
}
