package org.voc.events;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code voc.survey.version-published.v1} on {@value Topics#SURVEYS}: one immutable published survey
 * version, with everything a response needs to be validated without asking survey-service. Fields added after v1
 * was first published ({@code locales}, {@code brand}, and the question fields after {@code text}) are optional:
 * absent in older records, and readers must treat absent as "not used".
 */
public record SurveyVersionPublished(
        @NotNull UUID surveyId,
        @Min(1) int version,
        String name,
        List<String> touchpointKeys,
        String defaultLocale,
        @NotNull List<@NotNull @Valid Question> questions,
        @NotNull Instant publishedAt,
        List<String> locales,
        @Valid Brand brand) {

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<SurveyVersionPublished> TYPE = EventType.of(
            Topics.SURVEYS,
            "voc.survey.version-published.v1",
            SurveyVersionPublished.class,
            v -> v.surveyId() + ":" + v.version());

    /** The original shape, without the optional {@code locales}. */
    public SurveyVersionPublished(
            UUID surveyId,
            int version,
            String name,
            List<String> touchpointKeys,
            String defaultLocale,
            List<Question> questions,
            Instant publishedAt) {
        this(surveyId, version, name, touchpointKeys, defaultLocale, questions, publishedAt, null, null);
    }

    /** The shape before {@code brand}. */
    public SurveyVersionPublished(
            UUID surveyId,
            int version,
            String name,
            List<String> touchpointKeys,
            String defaultLocale,
            List<Question> questions,
            Instant publishedAt,
            List<String> locales) {
        this(surveyId, version, name, touchpointKeys, defaultLocale, questions, publishedAt, locales, null);
    }

    /**
     * One question; {@code min}/{@code max} bound the score of rating types and are null for text and choices.
     * Choice questions list their {@code options}; MULTI_CHOICE may bound how many are picked; {@code showIf}
     * shows the question only when an earlier answer meets it.
     */
    public record Question(
            @NotNull String id,
            @NotNull String type,
            boolean required,
            Integer min,
            Integer max,
            Map<String, String> text,
            List<Option> options,
            Integer minSelected,
            Integer maxSelected,
            Condition showIf) {

        /** The original shape: a rating or text question without display logic. */
        public Question(String id, String type, boolean required, Integer min, Integer max, Map<String, String> text) {
            this(id, type, required, min, max, text, null, null, null, null);
        }
    }

    /** One option of a choice question; answers name it by {@code id}. */
    public record Option(String id, Map<String, String> text) {}

    /**
     * Display condition on an earlier question: {@code operator} is LE, LT, GE, GT, EQ or NE with an integer
     * {@code value} for score questions, or IN with option ids in {@code values} for choice questions.
     */
    public record Condition(String questionId, String operator, Integer value, List<String> values) {}

    /**
     * How the respondent page presents the survey, each part optional: the brand's {@code name} (also the logo's
     * alternative text), an https {@code logoUrl}, and an {@code accentColor} {@code #rrggbb} that survey-service
     * checked to contrast at least 4.5:1 with white.
     */
    public record Brand(String name, String logoUrl, String accentColor) {}
}
