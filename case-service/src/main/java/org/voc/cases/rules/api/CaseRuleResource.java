package org.voc.cases.rules.api;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.cases.rules.domain.CaseRule;
import org.voc.cases.rules.domain.CaseRuleService;
import org.voc.cases.rules.domain.RuleConditions;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.NotFound;
import org.voc.kit.problem.Problem;
import org.voc.kit.problem.Revisions;
import org.voc.kit.security.Roles;

/** Case rules over HTTP (docs/cases.md, "Case rules"); what makes a rule valid lives in {@link CaseRuleService}. */
@Path("/api/case-rules")
@Tag(name = "Case rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseRuleResource {

    private static final String APPLIES = " Applies to every response consumed after the change commits, on every"
            + " replica; cases already open keep what they were opened with.";

    private final CaseRuleService service;

    public CaseRuleResource(CaseRuleService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Create a case rule", description = "At most 200 rules." + APPLIES)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "late delivery", value = Examples.RULE)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag headers are set",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "created", value = Examples.RULE_VIEW)))
    @APIResponse(
            responseCode = "400",
            description = "A field is missing or invalid; errors[].field names it",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "targets", value = Examples.INVALID)))
    @APIResponse(
            responseCode = "409",
            description = "There are already 200 rules",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response create(@Valid @NotNull CaseRuleRequest request) {
        CaseRule created = service.create(fields(request));
        return Response.created(URI.create("/api/case-rules/" + created.id()))
                .tag(Revisions.etag(created.revision()))
                .entity(CaseRuleView.of(created))
                .build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.MANAGER, Roles.ANALYST})
    @Operation(summary = "List case rules", description = "Every rule (at most 200), by name.")
    @APIResponse(
            responseCode = "200",
            description = "The rules",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "rules", value = Examples.RULE_LIST)))
    public List<CaseRuleView> list() {
        return service.list().stream().map(CaseRuleView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.MANAGER, Roles.ANALYST})
    @Operation(
            summary = "Read a case rule",
            description = "The ETag header carries the revision to send as If-Match when changing or deleting it.")
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
    public Response get(@Parameter(example = "6a0c1f9e-2b3d-4e5f-8a7b-9c0d1e2f3a4b") @PathParam("id") String id) {
        CaseRule rule = service.get(NotFound.uuid("case rule", id));
        return Response.ok(CaseRuleView.of(rule))
                .tag(Revisions.etag(rule.revision()))
                .build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Change a case rule", description = "Replaces every field." + APPLIES)
    @RequestBody(content = @Content(examples = @ExampleObject(name = "late delivery", value = Examples.RULE)))
    @APIResponse(
            responseCode = "200",
            description = "Changed; the new ETag is returned",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "changed", value = Examples.RULE_VIEW)))
    @APIResponse(
            responseCode = "400",
            description = "A field is missing or invalid; errors[].field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "404",
            description = "No rule has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response change(
            @Parameter(example = "6a0c1f9e-2b3d-4e5f-8a7b-9c0d1e2f3a4b") @PathParam("id") String id,
            @Parameter(description = "ETag of the revision the change is based on", example = "\"0\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull CaseRuleRequest request) {
        UUID uuid = NotFound.uuid("case rule", id);
        CaseRule changed = service.change(uuid, Revisions.expected(ifMatch), fields(request));
        return Response.ok(CaseRuleView.of(changed))
                .tag(Revisions.etag(changed.revision()))
                .build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Delete a case rule", description = "Cases it opened keep its id and name." + APPLIES)
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "404",
            description = "No rule has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response delete(
            @Parameter(example = "6a0c1f9e-2b3d-4e5f-8a7b-9c0d1e2f3a4b") @PathParam("id") String id,
            @Parameter(description = "ETag of the revision being deleted", example = "\"0\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch) {
        UUID uuid = NotFound.uuid("case rule", id);
        service.delete(uuid, Revisions.expected(ifMatch));
        return Response.noContent().build();
    }

    private static CaseRuleService.Fields fields(CaseRuleRequest r) {
        CaseRuleRequest.Conditions c = r.conditions();
        RuleConditions conditions = new RuleConditions(
                c.nps() == null ? null : orDefault(c.nps().atMost(), 6),
                c.csat() == null ? null : orDefault(c.csat().below(), 3),
                c.ces() == null ? null : orDefault(c.ces().atLeast(), 5),
                c.cli() == null ? null : orDefault(c.cli().atMost(), 6),
                c.rating() == null ? null : blankToNull(c.rating().questionId()),
                c.rating() == null ? null : c.rating().below(),
                c.text() == null ? null : c.text().anyOf(),
                c.touchpoints(),
                c.segments(),
                c.channels());
        return new CaseRuleService.Fields(
                r.name(),
                r.enabled() == null || r.enabled(),
                conditions,
                r.priority(),
                duration("firstContactTarget", r.firstContactTarget()),
                duration("resolutionTarget", r.resolutionTarget()),
                r.team(),
                Boolean.TRUE.equals(r.recoverySurvey()));
    }

    private static int orDefault(Integer value, int byDefault) {
        return value == null ? byDefault : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Duration duration(String field, String iso) {
        try {
            return Duration.parse(iso);
        } catch (DateTimeParseException e) {
            throw Invalid.field(field, "must be an ISO-8601 duration such as PT4H or P3D");
        }
    }
}
