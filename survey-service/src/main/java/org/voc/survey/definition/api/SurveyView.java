package org.voc.survey.definition.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.survey.definition.domain.Survey;
import org.voc.survey.definition.domain.SurveyStatus;

/** A survey's working draft as the API shows it; {@code revision} is also the ETag. */
public record SurveyView(
        UUID id,
        String name,
        String defaultLocale,
        List<String> locales,
        List<String> touchpointKeys,
        List<QuestionView> questions,

        @Schema(description = "Brand of the respondent page, null when the survey has none")
        BrandRequest brand,

        SurveyStatus status,

        @Schema(description = "Number of the newest published version, null while never published")
        Integer latestVersion,

        long revision,
        Instant createdAt,
        Instant updatedAt) {

    static SurveyView of(Survey s) {
        return new SurveyView(
                s.id(),
                s.definition().name(),
                s.definition().defaultLocale(),
                s.definition().effectiveLocales(),
                s.definition().touchpointKeys(),
                s.definition().questions().stream().map(QuestionView::of).toList(),
                BrandRequest.of(s.definition().brand()),
                s.status(),
                s.latestVersion(),
                s.revision(),
                s.createdAt(),
                s.updatedAt());
    }
}
