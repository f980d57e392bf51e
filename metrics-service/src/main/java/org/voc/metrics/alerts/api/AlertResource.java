package org.voc.metrics.alerts.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.kit.paging.PageCursor;
import org.voc.kit.paging.PageLimit;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.NotFound;
import org.voc.kit.problem.Problem;
import org.voc.kit.security.Roles;
import org.voc.metrics.alerts.domain.Alert;
import org.voc.metrics.alerts.domain.AlertRules;

/** The alerts the rules fired, over HTTP. */
@Path("/api/alerts")
@Tag(name = "Alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    private final AlertRules rules;

    public AlertResource(AlertRules rules) {
        this.rules = rules;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "List alerts", description = "Newest first; pass nextCursor as `after` for more.")
    @APIResponse(
            responseCode = "200",
            description = "One page",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "an open alert", value = Examples.ALERT)))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AlertPage alerts(
            @Parameter(description = "OPEN or RESOLVED; both when absent") @QueryParam("state") String state,
            @Parameter(description = "Only the alerts of this rule") @QueryParam("ruleId") String ruleId,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("after") String after,
            @Parameter(description = "Page size, 1 to 500 (default 50)", example = "50") @QueryParam("limit")
                    String limit) {
        int size = PageLimit.parse(limit);
        PageCursor.Position from = PageCursor.decode(after);
        List<Alert> page = rules.alerts(
                state(state),
                ruleId == null || ruleId.isBlank() ? null : uuid("ruleId", ruleId),
                from == null ? null : from.at(),
                from == null ? null : from.id(),
                size);
        Alert last = page.size() == size ? page.get(page.size() - 1) : null;
        return new AlertPage(page, last == null ? null : PageCursor.encode(last.firedAt(), last.id()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "Read an alert")
    @APIResponse(
            responseCode = "200",
            description = "The alert",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "an open alert", value = Examples.ALERT)))
    @APIResponse(
            responseCode = "404",
            description = "No alert has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Alert alert(@PathParam("id") String id) {
        return rules.alert(NotFound.uuid("Alert", id));
    }

    private static Alert.State state(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Alert.State.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw Invalid.field("state", "must be OPEN or RESOLVED");
        }
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw Invalid.field(field, "must be a UUID");
        }
    }
}
