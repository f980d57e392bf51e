package org.voc.survey.definition.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of create and of the draft replacement: the whole editable definition. */
@Schema(name = "SurveyRequest")
public record SurveyRequest(
        @Schema(example = "Card delivery NPS") @NotBlank @Size(max = 200)
        String name,

        @Schema(
                description = "Language tag every question and option must be worded in, also in a draft",
                example = "en")
        @NotBlank
        @Size(max = 35)
        @Pattern(regexp = LOCALE, message = LOCALE_MESSAGE)
        String defaultLocale,

        @Schema(
                description =
                        "Every locale the survey is worded in, the default one among them. A draft may lack wordings; "
                                + "publishing needs every question and option worded in each. When omitted, the "
                                + "default locale and the locales of the first question are used, and every question "
                                + "must have the same.",
                example = "[\"en\", \"fr\"]")
        @Size(max = 20)
        List<@NotBlank @Size(max = 35) @Pattern(regexp = LOCALE, message = LOCALE_MESSAGE) String> locales,

        @Schema(
                description = "Keys of the touchpoints the survey is bound to; at least one is needed to publish",
                example = "[\"card-delivery\"]")
        @Size(max = 50)
        List<@NotBlank @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String> touchpointKeys,

        @Schema(description = "Questions in display order; at least one is needed to publish") @Size(max = 100)
        List<@NotNull @Valid QuestionRequest> questions,

        @Schema(description = "Optional brand of the respondent page") @Valid
        BrandRequest brand) {

    static final String SLUG = "[a-z0-9][a-z0-9-]{0,79}";
    static final String SLUG_MESSAGE = "must be a lower-case slug of up to 80 letters, digits and dashes";
    static final String LOCALE = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*";
    static final String LOCALE_MESSAGE = "must be a language tag such as en or fr-CA";
}
