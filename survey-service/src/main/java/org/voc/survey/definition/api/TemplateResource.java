package org.voc.survey.definition.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.kit.security.Roles;
import org.voc.survey.definition.domain.SurveyTemplates;

/** The ready-made survey templates; POST /api/surveys/from-template/{template} turns one into a draft. */
@Path("/api/survey-templates")
@Tag(name = "Surveys")
@Produces(MediaType.APPLICATION_JSON)
public class TemplateResource {

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.DESIGNER, Roles.ANALYST})
    @Operation(
            summary = "List survey templates",
            description = "relationship-nps, transactional-csat, "
                    + "ces-service-request and loyalty-index, with their questions.")
    @APIResponse(
            responseCode = "200",
            description = "Every template",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "templates", value = Examples.TEMPLATES)))
    public List<TemplateView> list() {
        return SurveyTemplates.all().stream().map(TemplateView::of).toList();
    }
}
