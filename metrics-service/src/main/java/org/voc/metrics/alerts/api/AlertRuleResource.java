package org.voc.metrics.alerts.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.kit.paging.PageLimit;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.NotFound;
import org.voc.kit.problem.Problem;
import org.voc.kit.problem.Revisions;
import org.voc.kit.security.Caller;
import org.voc.kit.security.Roles;
import org.voc.metrics.alerts.domain.AlertRule;
import org.voc.metrics.alerts.domain.AlertRules;

/** Alert rules over HTTP; evaluation lives in the domain. */
@Path("/api/alert-rules")
@Tag(name = "Alerts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AlertRuleResource {

    private final AlertRules rules;
    private final Caller caller;

    public AlertRuleResource(AlertRules rules, Caller caller) {
        this.rules = rules;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "Watch a metric for significant drops", description = """
            Every hour (at the first evaluation after the hour), the rule compares the metric under its filters in \
            the last `window` with the `baseline` just before it, from the same roll-ups as the query API. It fires \
            when the metric got worse (lower; for CES effort, higher), with at least `minSample` responses on each \
            side, the difference significant at `alpha` and at least `minChange` (each when set). A firing rule \
            opens one alert, listed at GET /api/alerts and published on voc.alerts (voc.alert.fired.v1); the alert \
            stays open, without new events, while the drop lasts, and is resolved (voc.alert.resolved.v1) when it \
            no longer holds.""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "NPS drop", value = Examples.RULE)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag headers are set",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "created", value = Examples.RULE_VIEW)))
    @APIResponse(
            responseCode = "400",
            description = "A field is missing or invalid (unknown metric or dimension, window not whole hours)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response create(@Valid @NotNull AlertRuleRequest request) {
        AlertRule created = rules.create(request.toFields(), String.valueOf(caller.username()));
        return Response.created(URI.create("/api/alert-rules/" + created.id()))
                .tag(Revisions.etag(created.revision()))
                .entity(AlertRuleView.of(created))
                .build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "List alert rules", description = "In id order; pass nextCursor as `after` for more.")
    @APIResponse(responseCode = "200", description = "One page")
    public AlertRulePage listRules(
            @Parameter(description = "nextCursor of the previous page") @QueryParam("after") String after,
            @Parameter(description = "Page size, 1 to 500 (default 50)", example = "50") @QueryParam("limit")
                    String limit) {
        int size = PageLimit.parse(limit);
        UUID from = after == null || after.isBlank() ? null : cursor(after);
        List<AlertRule> page = rules.list(from, size);
        String next = page.size() == size ? page.get(page.size() - 1).id().toString() : null;
        return new AlertRulePage(page.stream().map(AlertRuleView::of).toList(), next);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "Read an alert rule", description = "The ETag header carries the revision for If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "The rule",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "rule", value = Examples.RULE_VIEW)))
    @APIResponse(
            responseCode = "404",
            description = "No rule has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response getRule(@PathParam("id") String id) {
        AlertRule rule = rules.get(NotFound.uuid("Alert rule", id));
        return Response.ok(AlertRuleView.of(rule))
                .tag(Revisions.etag(rule.revision()))
                .build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "Change an alert rule", description = """
            Replaces every field. A change of what the rule watches (metric, question, filters, window, baseline) \
            or disabling it resolves its open alert; the next evaluation judges the new rule afresh.""")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "NPS drop", value = Examples.RULE)))
    @APIResponse(responseCode = "200", description = "Changed; the new ETag is returned")
    @APIResponse(
            responseCode = "400",
            description = "A field is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "404",
            description = "No rule has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response changeRule(
            @PathParam("id") String id,
            @Parameter(description = "ETag of the revision the change is based on", example = "\"0\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull AlertRuleRequest request) {
        UUID ruleId = NotFound.uuid("Alert rule", id);
        AlertRule changed = rules.change(ruleId, Revisions.expected(ifMatch), request.toFields());
        return Response.ok(AlertRuleView.of(changed))
                .tag(Revisions.etag(changed.revision()))
                .build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "Delete an alert rule", description = "Its open alert is resolved; its alerts are kept.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "404",
            description = "No rule has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public void deleteRule(
            @PathParam("id") String id,
            @Parameter(description = "ETag of the revision read", example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        rules.delete(NotFound.uuid("Alert rule", id), Revisions.expected(ifMatch));
    }

    private static UUID cursor(String after) {
        try {
            return UUID.fromString(after.trim());
        } catch (IllegalArgumentException e) {
            throw Invalid.field("after", "must be the nextCursor of a previous page");
        }
    }
}
