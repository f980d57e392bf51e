package org.voc.response.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.response.domain.InvitationResponses;
import org.voc.response.domain.SurveyContent;
import org.voc.response.domain.SurveyDefinition;

/** An invitation and its survey as a respondent app or widget renders it (GET /api/respond/{token}). */
@Schema(name = "RespondentSurvey")
public record RespondentView(InvitationView invitation, SurveyView survey) {

    /** What the token grants, and whether it was used already. */
    @Schema(name = "RespondentInvitation")
    public record InvitationView(
            UUID id,
            Instant expiresAt,

            @Schema(description = "The locale the invitation asks for", example = "fr")
            String locale,

            @Schema(description = "OPEN until a response is stored, then ANSWERED")
            InvitationResponses.Status status) {}

    /** The survey version in one locale. */
    @Schema(name = "RespondentSurveyVersion")
    public record SurveyView(
            UUID id,
            int version,

            @Schema(
                    description = "The locale the texts are in: the invitation's when the survey is worded in it, "
                            + "else the survey's default locale",
                    example = "fr")
            String locale,

            List<QuestionView> questions,

            @Schema(description = "The survey's brand for the app to wear; absent when it has none")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            BrandView brand) {}

    /** The survey's brand: each part optional; the accent contrasts at least 4.5:1 with white. */
    @Schema(name = "RespondentBrand")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BrandView(
            String name,

            @Schema(example = "https://cdn.example.com/bank-logo.svg")
            String logoUrl,

            @Schema(description = "#rrggbb, for buttons and selected answers with white text", example = "#0b5cad")
            String accentColor) {}

    /** One question, ready to render; {@code showIf} hides it until an earlier answer meets the condition. */
    @Schema(name = "RespondentQuestion")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionView(
            String id,
            String type,
            boolean required,
            Integer min,
            Integer max,
            String text,

            @Schema(description = "Labels of the two ends of a score scale (NPS, CSAT, CES, CLI_*)")
            String minLabel,

            String maxLabel,
            List<OptionView> options,
            Integer minSelected,
            Integer maxSelected,
            ConditionView showIf) {}

    /** One option of a choice question. */
    @Schema(name = "RespondentOption")
    public record OptionView(String id, String text) {}

    /** Display condition, as in the survey definition. */
    @Schema(name = "RespondentCondition")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConditionView(String questionId, String operator, Integer value, List<String> values) {}

    static RespondentView of(InvitationResponses.Opened opened) {
        SurveyContent.Localized survey = opened.survey();
        RespondentText text = RespondentText.of(survey.locale());
        List<QuestionView> questions =
                survey.questions().stream().map(q -> question(q, text)).toList();
        return new RespondentView(
                new InvitationView(
                        opened.invitation().id(),
                        opened.invitation().expiresAt(),
                        opened.invitation().locale(),
                        opened.status()),
                new SurveyView(
                        survey.definition().surveyId(),
                        survey.definition().version(),
                        survey.locale(),
                        questions,
                        brand(survey.brand())));
    }

    private static BrandView brand(SurveyContent.Brand brand) {
        return brand == null
                ? null
                : new BrandView(
                        brand.name(), brand.logo() == null ? null : brand.logo().toString(), brand.accentColor());
    }

    private static QuestionView question(SurveyContent.LocalizedQuestion localized, RespondentText text) {
        SurveyDefinition.Question q = localized.question();
        String[] ends = q.takesOptions() || q.takesText() ? null : text.scaleEnds(q.type());
        SurveyDefinition.Condition c = q.showIf();
        return new QuestionView(
                q.id(),
                q.type(),
                q.required(),
                q.takesOptions() || q.takesText() ? null : q.lowest(),
                q.takesOptions() || q.takesText() ? null : q.highest(),
                localized.text(),
                ends == null ? null : ends[0],
                ends == null ? null : ends[1],
                q.takesOptions()
                        ? localized.options().stream()
                                .map(o -> new OptionView(o.id(), o.text()))
                                .toList()
                        : null,
                q.isMultiChoice() ? q.fewestSelected() : null,
                q.isMultiChoice() ? q.mostSelected() : null,
                c == null ? null : new ConditionView(c.questionId(), c.operator(), c.value(), c.values()));
    }
}
