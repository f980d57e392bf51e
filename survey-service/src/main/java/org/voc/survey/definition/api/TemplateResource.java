package org.voc.survey.definition.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.voc.survey.definition.domain.SurveyTemplates;
import org.voc.kit.security.Roles;

/** The ready-made survey templates; POST /api/surveys/from-template/{template} turns one into a draft. */
@Path("/api/survey-templates")
@Tag(name = "Surveys")
@Produces(MediaType.APPLICATION_JSON)
public class TemplateResource {

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.DESIGNER, Roles.ANALYST })
    @Operation(summary = "List survey templates", description = "relationship-nps, transactional-csat, ces-service-request and loyalty-index, with their questions.")
    @APIResponse(responseCode = "200", description = "Every template", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "templates", value = """
            [{"key": "ces-service-request", "title": "CES after a service request",
              "description": "After a service request is closed: how easy it was to get it done (1–7 agreement).",
              "name": "Service request effort", "defaultLocale": "en", "locales": ["en"],
              "questions": [{"id": "ces", "type": "CES", "required": true,
                "text": {"en": "To what extent do you agree with the statement: \\"The company made it easy for me to handle my request\\"? (1 = strongly disagree, 7 = strongly agree)"}},
               {"id": "obstacle", "type": "TEXT", "required": false, "text": {"en": "What made it difficult?"},
                "showIf": {"questionId": "ces", "operator": "LE", "value": 3}}]}]""")))
    public List<TemplateView> list() {
        return SurveyTemplates.all().stream().map(TemplateView::of).toList();
    }
}
