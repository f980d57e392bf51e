package org.voc.survey.api;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.survey.domain.QuestionType;

/** One question of a survey request. */
@Schema(name = "QuestionRequest")
public record QuestionRequest(
        @Schema(description = "Slug, unique within the survey; answers refer to it", example = "nps")
        @NotBlank @Pattern(regexp = SurveyRequest.SLUG, message = SurveyRequest.SLUG_MESSAGE) String id,
        @Schema(description = "NPS (0–10, at most one per survey), CSAT (1–5), CES (1–7) or TEXT (free text, up to 4000 characters)")
        @NotNull QuestionType type,
        @Schema(description = "Whether a response must answer it; defaults to false") Boolean required,
        @Schema(description = "Wording per locale; must contain the default locale, and every question must have the same locales",
                example = "{\"en\": \"How likely are you to recommend us to a friend or colleague?\"}")
        @NotEmpty @Size(max = 20)
        Map<@Pattern(regexp = SurveyRequest.LOCALE, message = SurveyRequest.LOCALE_MESSAGE) String,
                @NotBlank @Size(max = 1000) String> text) {
}
