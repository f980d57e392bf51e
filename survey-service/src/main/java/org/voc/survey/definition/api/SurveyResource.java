package org.voc.survey.definition.api;

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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.kit.paging.PageCursor;
import org.voc.kit.paging.PageLimit;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.NotFound;
import org.voc.kit.problem.Problem;
import org.voc.kit.problem.Revisions;
import org.voc.kit.security.Roles;
import org.voc.survey.api.Caller;
import org.voc.survey.definition.domain.Question;
import org.voc.survey.definition.domain.Survey;
import org.voc.survey.definition.domain.SurveyCursor;
import org.voc.survey.definition.domain.SurveyDefinition;
import org.voc.survey.definition.domain.SurveyFilter;
import org.voc.survey.definition.domain.SurveyService;
import org.voc.survey.definition.domain.SurveyStatus;
import org.voc.survey.definition.domain.SurveyVersion;

/** Survey definitions and their published versions over HTTP; business rules live in {@link SurveyService}. */
@Path("/api/surveys")
@Tag(name = "Surveys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SurveyResource {

    private final SurveyService service;
    private final JsonWebToken token;

    public SurveyResource(SurveyService service, JsonWebToken token) {
        this.service = service;
        this.token = token;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(
            summary = "Create a survey",
            description = "Creates a DRAFT survey. Nothing is published until POST /api/surveys/{id}/publish.")
    @RequestBody(
            content = @Content(examples = @ExampleObject(name = "card-delivery-nps", value = Examples.SURVEY_REQUEST)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag headers are set",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "created", value = Examples.SURVEY)))
    @APIResponse(
            responseCode = "400",
            description = "A field is missing or invalid; errors[].field names it",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "two NPS questions", value = Examples.TWO_NPS_QUESTIONS)))
    public Response create(@Valid @NotNull SurveyRequest request) {
        Survey created = service.create(definition(request));
        return Response.created(URI.create("/api/surveys/" + created.id()))
                .tag(etag(created))
                .entity(SurveyView.of(created))
                .build();
    }

    @POST
    @Path("/from-template/{template}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(
            summary = "Create a survey from a template",
            description = "Creates a DRAFT with the template's "
                    + "questions (see GET /api/survey-templates); the body may name it and bind it to touchpoints.")
    @RequestBody(
            required = false,
            content = @Content(examples = @ExampleObject(name = "branch NPS", value = Examples.FROM_TEMPLATE_REQUEST)))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location and ETag headers are set",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "created", value = Examples.SURVEY)))
    @APIResponse(
            responseCode = "400",
            description = "A field is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "404",
            description = "No template has this key",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "unknown", value = Examples.TEMPLATE_NOT_FOUND)))
    public Response createFromTemplate(
            @Parameter(example = "relationship-nps") @PathParam("template") String template,
            @Valid TemplateRequest request) {
        List<String> touchpoints = request == null || request.touchpointKeys() == null
                ? null
                : request.touchpointKeys().stream().distinct().toList();
        Survey created = service.createFromTemplate(template, request == null ? null : request.name(), touchpoints);
        return Response.created(URI.create("/api/surveys/" + created.id()))
                .tag(etag(created))
                .entity(SurveyView.of(created))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.ANALYST})
    @Operation(
            summary = "Read a survey's working draft",
            description = "The ETag header carries the revision to send as If-Match when replacing the draft.")
    @APIResponse(
            responseCode = "200",
            description = "The survey",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "draft", value = Examples.SURVEY)))
    @APIResponse(
            responseCode = "404",
            description = "No survey has this id",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "unknown", value = Examples.NOT_FOUND)))
    public Response get(@Parameter(example = "3f0e2a4c-9b7d-4c1e-8a55-2d6f1b9e7c01") @PathParam("id") String id) {
        Survey survey = service.get(NotFound.uuid("survey", id));
        return Response.ok(SurveyView.of(survey)).tag(etag(survey)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(
            summary = "Replace a survey's working draft",
            description = "Replaces name, default locale, touchpoints and questions, in any status. Published versions "
                    + "never change: publish again to make the edit live. Requires If-Match with the current ETag.")
    @RequestBody(
            content =
                    @Content(
                            examples =
                                    @ExampleObject(
                                            name = "add a French wording",
                                            value = Examples.FRENCH_WORDING_REQUEST)))
    @APIResponse(
            responseCode = "200",
            description = "Replaced; the new ETag is returned",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "replaced", value = Examples.SURVEY)))
    @APIResponse(
            responseCode = "400",
            description = "A field is missing or invalid",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "two NPS questions", value = Examples.TWO_NPS_QUESTIONS)))
    @APIResponse(
            responseCode = "404",
            description = "No survey has this id",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "unknown", value = Examples.NOT_FOUND)))
    @APIResponse(
            responseCode = "409",
            description = "The survey is ARCHIVED",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response change(
            @PathParam("id") String id,
            @Parameter(description = "ETag of the revision the change is based on", example = "\"0\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull SurveyRequest request) {
        UUID surveyId = NotFound.uuid("survey", id);
        Survey changed = service.change(surveyId, Revisions.expected(ifMatch), definition(request));
        return Response.ok(SurveyView.of(changed)).tag(etag(changed)).build();
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(
            summary = "Publish the working draft as a new version",
            description = "Freezes the draft as version N+1 (1 for the first), sets the survey PUBLISHED (a PAUSED "
                    + "survey stays PAUSED) and, in the same transaction, publishes voc.survey.version-published.v1 on "
                    + "voc.surveys with key <surveyId>:<version>. Needs at least one question, one touchpoint, "
                    + "every question and option worded in every locale of the survey, and a brand accent colour "
                    + "(if any) with at least 4.5:1 contrast against white (WCAG AA).")
    @APIResponse(
            responseCode = "201",
            description = "Published; Location names the new version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "version 1", value = Examples.VERSION)))
    @APIResponse(
            responseCode = "400",
            description = "The draft has no question or no touchpoint, lacks wordings in a locale it declares, or "
                    + "its brand.accentColor contrasts less than 4.5:1 with white (every fault is named)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(name = "no touchpoint", value = Examples.NO_TOUCHPOINT),
                                @ExampleObject(name = "incomplete locale", value = Examples.INCOMPLETE_LOCALE),
                                @ExampleObject(name = "accent contrast too low", value = Examples.LOW_CONTRAST)
                            }))
    @APIResponse(
            responseCode = "409",
            description = "The survey is ARCHIVED",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "404",
            description = "No survey has this id",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "unknown", value = Examples.NOT_FOUND)))
    public Response publish(@PathParam("id") String id) {
        SurveyVersion published = service.publish(NotFound.uuid("survey", id), Caller.of(token));
        return Response.created(URI.create("/api/surveys/" + published.surveyId() + "/versions/" + published.version()))
                .entity(SurveyVersionView.of(published))
                .build();
    }

    @POST
    @Path("/{id}/pause")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(
            summary = "Pause a published survey",
            description = "PUBLISHED → PAUSED: no new invitations are sent; "
                    + "answers to invitations already sent are still accepted.")
    @APIResponse(
            responseCode = "200",
            description = "Paused; the new ETag is returned",
            content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(
            responseCode = "404",
            description = "No survey has this id",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "unknown", value = Examples.NOT_FOUND)))
    @APIResponse(
            responseCode = "409",
            description = "The survey is not PUBLISHED",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "draft", value = Examples.PAUSE_DRAFT)))
    public Response pause(@PathParam("id") String id) {
        return withEtag(service.pause(NotFound.uuid("survey", id)));
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(summary = "Resume a paused survey", description = "PAUSED → PUBLISHED.")
    @APIResponse(
            responseCode = "200",
            description = "Resumed; the new ETag is returned",
            content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(
            responseCode = "404",
            description = "No survey has this id",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "unknown", value = Examples.NOT_FOUND)))
    @APIResponse(
            responseCode = "409",
            description = "The survey is not PAUSED",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response resume(@PathParam("id") String id) {
        return withEtag(service.resume(NotFound.uuid("survey", id)));
    }

    @POST
    @Path("/{id}/archive")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER})
    @Operation(
            summary = "Archive a survey",
            description = "DRAFT, PUBLISHED or PAUSED → ARCHIVED, for good: an archived survey can be read but neither "
                    + "edited nor published. Its published versions stay readable.")
    @APIResponse(
            responseCode = "200",
            description = "Archived; the new ETag is returned",
            content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(
            responseCode = "404",
            description = "No survey has this id",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "unknown", value = Examples.NOT_FOUND)))
    @APIResponse(
            responseCode = "409",
            description = "The survey is already ARCHIVED",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response archive(@PathParam("id") String id) {
        return withEtag(service.archive(NotFound.uuid("survey", id)));
    }

    @GET
    @Path("/{id}/versions/{version}")
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.ANALYST})
    @Operation(
            summary = "Read a published version",
            description = "Versions are immutable: the answer for a given id and number never changes.")
    @APIResponse(
            responseCode = "200",
            description = "The version",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "version 1", value = Examples.VERSION)))
    @APIResponse(
            responseCode = "404",
            description = "No such survey or version",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "unknown", value = Examples.NOT_FOUND)))
    public SurveyVersionView version(
            @PathParam("id") String id, @Parameter(example = "1") @PathParam("version") String version) {
        UUID surveyId = NotFound.uuid("survey", id);
        int number;
        try {
            number = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw NotFound.of("survey version", id + "/versions/" + version);
        }
        return SurveyVersionView.of(service.version(surveyId, number));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.ANALYST})
    @Operation(
            summary = "List surveys",
            description = "Oldest first, keyset-paginated: pass the nextCursor of a page "
                    + "as `after` to read the next page.")
    @APIResponse(
            responseCode = "200",
            description = "One page",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "page", value = Examples.SURVEY_PAGE)))
    @APIResponse(
            responseCode = "400",
            description = "A query parameter is invalid; errors[].field names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public SurveyPage list(
            @Parameter(description = "Only surveys bound to this touchpoint key", example = "card-delivery")
                    @QueryParam("touchpoint")
                    String touchpoint,
            @Parameter(description = "DRAFT, PUBLISHED, PAUSED or ARCHIVED", example = "PUBLISHED")
                    @QueryParam("status")
                    String status,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("after") String after,
            @Parameter(description = "Page size, 1 to 500 (default 50)", example = "50") @QueryParam("limit")
                    String limit) {
        int size = PageLimit.parse(limit);
        SurveyFilter filter =
                new SurveyFilter(touchpoint == null || touchpoint.isBlank() ? null : touchpoint, status(status));
        List<Survey> page = service.list(filter, cursor(after), size);
        String next = page.size() == size ? encode(page.get(page.size() - 1)) : null;
        return new SurveyPage(page.stream().map(SurveyView::of).toList(), next);
    }

    private static Response withEtag(Survey survey) {
        return Response.ok(SurveyView.of(survey)).tag(etag(survey)).build();
    }

    private static SurveyDefinition definition(SurveyRequest r) {
        List<String> touchpoints = r.touchpointKeys() == null
                ? List.of()
                : r.touchpointKeys().stream().distinct().toList();
        List<Question> questions = r.questions() == null
                ? List.of()
                : r.questions().stream().map(QuestionRequest::toQuestion).toList();
        List<String> locales =
                r.locales() == null ? null : r.locales().stream().distinct().toList();
        return new SurveyDefinition(
                r.name(),
                r.defaultLocale(),
                locales,
                touchpoints,
                questions,
                r.brand() == null ? null : r.brand().toBrand());
    }

    private static EntityTag etag(Survey survey) {
        return Revisions.etag(survey.revision());
    }

    private static SurveyStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return SurveyStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw Invalid.field("status", "must be one of " + List.of(SurveyStatus.values()));
        }
    }

    private static String encode(Survey last) {
        return PageCursor.encode(last.createdAt(), last.id());
    }

    private static SurveyCursor cursor(String after) {
        PageCursor.Position position = PageCursor.decode(after);
        return position == null ? null : new SurveyCursor(position.at(), position.id());
    }
}
