package org.voc.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@value EventTypes#SURVEY_VERSION_PUBLISHED_V1} on {@value Topics#SURVEYS}: one immutable published survey
 * version, with everything a response needs to be validated without asking survey-service.
 */
public record SurveyVersionPublished(
        UUID surveyId,
        int version,
        String name,
        List<String> touchpointKeys,
        String defaultLocale,
        List<Question> questions,
        Instant publishedAt) {

    /** One question; {@code min}/{@code max} bound the score of rating types and are null for text. */
    public record Question(
            String id,
            String type,
            boolean required,
            Integer min,
            Integer max,
            Map<String, String> text) {
    }
}
