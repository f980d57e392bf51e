package org.voc.survey.definition.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Optional body of a create-from-template: the name and touchpoints of the new draft. */
@Schema(name = "TemplateRequest")
public record TemplateRequest(
        @Schema(description = "Name of the draft; defaults to the template's", example = "Branch service NPS")
        @Size(min = 1, max = 200)
        @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String name,

        @Schema(description = "Touchpoints the draft is bound to", example = "[\"branch-visit\"]", maxItems = 50)
        @Size(max = 50)
        List<@NotBlank @Pattern(regexp = SurveyRequest.SLUG, message = SurveyRequest.SLUG_MESSAGE) String>
                touchpointKeys) {}
