package org.voc.response.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One immutable published survey version, as much of it as validating a response needs. */
public record SurveyDefinition(UUID surveyId, int version, List<String> touchpointKeys, List<Question> questions) {

    /** Question type whose answer is free text; every other type is answered with a score. */
    public static final String TEXT = "TEXT";
    /** Question type whose score is the response's Net Promoter Score. */
    public static final String NPS = "NPS";

    /** One question; {@code min}/{@code max} bound a score and are null for text (or when unbounded). */
    public record Question(String id, String type, boolean required, Integer min, Integer max) {

        public boolean takesText() {
            return TEXT.equalsIgnoreCase(type);
        }

        public boolean isNps() {
            return NPS.equalsIgnoreCase(type);
        }

        /** NPS is 0–10 by definition, even when the survey does not say so. */
        public Integer lowest() {
            return min != null ? min : isNps() ? Integer.valueOf(0) : null;
        }

        public Integer highest() {
            return max != null ? max : isNps() ? Integer.valueOf(10) : null;
        }
    }

    public SurveyDefinition {
        touchpointKeys = touchpointKeys == null ? List.of() : List.copyOf(touchpointKeys);
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    public Map<String, Question> questionsById() {
        return questions.stream().collect(Collectors.toMap(Question::id, Function.identity(), (a, b) -> a));
    }
}
