package org.voc.survey.definition.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.survey.definition.domain.SurveyVersion;

/** One immutable published version as the API shows it. */
public record SurveyVersionView(
        UUID surveyId,
        int version,
        String name,
        String defaultLocale,
        List<String> locales,
        List<String> touchpointKeys,
        List<QuestionView> questions,

        @Schema(description = "Brand of the respondent page, null when the version has none")
        BrandRequest brand,

        Instant publishedAt,

        @Schema(description = "Subject (sub) of the token that published it")
        String publishedBy) {

    static SurveyVersionView of(SurveyVersion v) {
        return new SurveyVersionView(
                v.surveyId(),
                v.version(),
                v.definition().name(),
                v.definition().defaultLocale(),
                v.definition().effectiveLocales(),
                v.definition().touchpointKeys(),
                v.definition().questions().stream().map(QuestionView::of).toList(),
                BrandRequest.of(v.definition().brand()),
                v.publishedAt(),
                v.publishedBy());
    }
}
