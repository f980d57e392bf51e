package org.voc.survey.definition.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.survey.definition.domain.Question;
import org.voc.survey.definition.domain.QuestionType;

/** One question of a survey request. */
@Schema(name = "QuestionRequest")
public record QuestionRequest(
        @Schema(description = "Slug, unique within the survey; answers refer to it", example = "nps")
        @NotBlank
        @Pattern(regexp = SurveyRequest.SLUG, message = SurveyRequest.SLUG_MESSAGE)
        String id,

        @Schema(
                description = "NPS (0–10, at most one per survey), CSAT (1–5), CES (1–7), CLI_REPURCHASE and "
                        + "CLI_CROSS_BUY (0–10, at most one each), RATING (min..max), SINGLE_CHOICE, MULTI_CHOICE, or "
                        + "TEXT (free text, up to 4000 characters)")
        @NotNull
        QuestionType type,

        @Schema(description = "Whether a response must answer it when it is displayed; defaults to false")
        Boolean required,

        @Schema(
                description = "Wording per locale; must contain the default locale",
                example = "{\"en\": \"How likely are you to recommend us to a friend or colleague?\"}",
                maxProperties = 20)
        @NotEmpty
        @Size(max = 20)
        Map<
                        @Pattern(regexp = SurveyRequest.LOCALE, message = SurveyRequest.LOCALE_MESSAGE) String,
                        @NotBlank @Size(max = 1000) String>
                text,

        @Schema(description = "RATING only: lowest score", example = "1")
        Integer min,

        @Schema(description = "RATING only: highest score, greater than min and at most 100 above it", example = "10")
        Integer max,

        @Schema(description = "SINGLE_CHOICE and MULTI_CHOICE only: 2 to 50 options with unique ids") @Size(max = 50)
        List<@NotNull @Valid OptionRequest> options,

        @Schema(description = "MULTI_CHOICE only: fewest options to pick when answering (default 1)", example = "1")
        @Min(1)
        Integer minSelected,

        @Schema(description = "MULTI_CHOICE only: most options to pick (default all)", example = "3") @Min(1)
        Integer maxSelected,

        @Schema(description = "Show the question only when the answer to an earlier question meets this condition")
        @Valid
        ConditionRequest showIf) {

    /** One option of a choice question. */
    @Schema(name = "OptionRequest")
    public record OptionRequest(
            @Schema(description = "Slug, unique within the question; answers name it", example = "waiting-time")
            @NotBlank
            @Pattern(regexp = SurveyRequest.SLUG, message = SurveyRequest.SLUG_MESSAGE)
            String id,

            @Schema(
                    description = "Wording per locale; must contain the default locale",
                    example = "{\"en\": \"Waiting time\"}",
                    maxProperties = 20)
            @NotEmpty
            @Size(max = 20)
            Map<
                            @Pattern(regexp = SurveyRequest.LOCALE, message = SurveyRequest.LOCALE_MESSAGE) String,
                            @NotBlank @Size(max = 500) String>
                    text) {}

    /**
     * Display condition: LE, LT, GE, GT, EQ, NE with {@code value} on a score, or IN with {@code values} on a choice.
     */
    @Schema(name = "Condition")
    public record ConditionRequest(
            @Schema(description = "Id of an earlier question", example = "nps") @NotBlank
            String questionId,

            @Schema(description = "LE, LT, GE, GT, EQ, NE for scores; IN for choices", example = "LE") @NotNull
            Question.Operator operator,

            @Schema(description = "Score compared with (scores only)", example = "6")
            Integer value,

            @Schema(description = "Option ids, any of which shows the question (IN only)") @Size(max = 50)
            List<@NotBlank String> values) {}

    Question toQuestion() {
        return new Question(
                id,
                type,
                Boolean.TRUE.equals(required),
                text,
                min,
                max,
                options == null
                        ? null
                        : options.stream()
                                .map(o -> new Question.Option(o.id(), o.text()))
                                .toList(),
                minSelected,
                maxSelected,
                showIf == null
                        ? null
                        : new Question.Condition(
                                showIf.questionId(), showIf.operator(), showIf.value(), showIf.values()));
    }
}
