package org.voc.survey.distribution.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.kit.problem.NotFound;
import org.voc.kit.problem.Problem;
import org.voc.kit.security.Roles;
import org.voc.survey.api.Caller;
import org.voc.survey.distribution.domain.DistributionService;
import org.voc.survey.distribution.domain.SettingsRules;

/** A survey's distribution rules over HTTP (docs/distribution.md); rules live in {@link DistributionService}. */
@Path("/api/surveys/{id}/distribution")
@Tag(name = "Distribution")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DistributionResource {

    private final DistributionService service;
    private final JsonWebToken token;

    public DistributionResource(DistributionService service, JsonWebToken token) {
        this.service = service;
        this.token = token;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.ANALYST})
    @Operation(
            summary = "Read a survey's distribution rules",
            description = "A survey whose distribution was never set answers enabled=false with no rules.")
    @APIResponse(
            responseCode = "200",
            description = "The settings",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "card delivery", value = Examples.DISTRIBUTION)))
    @APIResponse(
            responseCode = "404",
            description = "No survey has this id",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "unknown", value = Examples.SURVEY_NOT_FOUND)))
    public DistributionView get(
            @Parameter(example = "3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01") @PathParam("id") String id) {
        return DistributionView.of(service.settings(NotFound.uuid("survey", id)));
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(
            summary = "Replace a survey's distribution rules",
            description =
                    "Takes effect for the next interaction. Only a PUBLISHED survey (not DRAFT, PAUSED or ARCHIVED) "
                            + "with a published version invites, with its latest version; rules may be prepared "
                            + "before. Rule touchpoints must be among the survey's touchpointKeys, channels use the "
                            + "registry's vocabulary, samplingRate is 0 to 1, invitationTtl PT1H to P90D, "
                            + "deliveryChannel one of EMAIL, SMS, PUSH, WEB, IN_APP, WHATSAPP. Every field at fault is "
                            + "named.")
    @RequestBody(
            content =
                    @Content(examples = @ExampleObject(name = "card delivery", value = Examples.DISTRIBUTION_REQUEST)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "card delivery", value = Examples.DISTRIBUTION)))
    @APIResponse(
            responseCode = "400",
            description = "A field is missing or invalid; errors[].field names each one",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "rate above 1", value = Examples.RATE_ABOVE_ONE)))
    @APIResponse(
            responseCode = "404",
            description = "No survey has this id",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "unknown", value = Examples.SURVEY_NOT_FOUND)))
    @APIResponse(
            responseCode = "409",
            description = "The survey is ARCHIVED",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public DistributionView replace(@PathParam("id") String id, @NotNull @Valid DistributionRequest request) {
        List<SettingsRules.RuleInput> rules = request.rules() == null
                ? null
                : request.rules().stream()
                        .map(r -> r == null
                                ? null
                                : new SettingsRules.RuleInput(
                                        r.touchpointKeys(),
                                        r.channels(),
                                        r.segments(),
                                        r.samplingRate(),
                                        r.invitationTtl(),
                                        r.deliveryChannel(),
                                        r.priority()))
                        .toList();
        return DistributionView.of(service.replace(
                NotFound.uuid("survey", id), request.enabled(), request.minGapPerCustomer(), rules, Caller.of(token)));
    }
}
