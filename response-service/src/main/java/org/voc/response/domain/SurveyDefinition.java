package org.voc.response.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One immutable published survey version, as much of it as validating a response needs. */
public record SurveyDefinition(UUID surveyId, int version, List<String> touchpointKeys, List<Question> questions) {

    /** Question type whose answer is free text. */
    public static final String TEXT = "TEXT";
    /** Question type whose score is the response's Net Promoter Score. */
    public static final String NPS = "NPS";
    /** Question types answered with option ids; every other type but TEXT is answered with a score. */
    public static final String SINGLE_CHOICE = "SINGLE_CHOICE";

    public static final String MULTI_CHOICE = "MULTI_CHOICE";

    /**
     * One question; {@code min}/{@code max} bound a score and are null for text and choices (or when unbounded).
     * {@code optionIds} are the options of a choice question; {@code showIf}, when set, hides the question unless
     * the answer to an earlier question meets it.
     */
    public record Question(
            String id,
            String type,
            boolean required,
            Integer min,
            Integer max,
            List<String> optionIds,
            Integer minSelected,
            Integer maxSelected,
            Condition showIf) {

        public Question(String id, String type, boolean required, Integer min, Integer max) {
            this(id, type, required, min, max, null, null, null, null);
        }

        public Question {
            optionIds = optionIds == null ? List.of() : List.copyOf(optionIds);
        }

        public boolean takesText() {
            return TEXT.equalsIgnoreCase(type);
        }

        public boolean isNps() {
            return NPS.equalsIgnoreCase(type);
        }

        public boolean isSingleChoice() {
            return SINGLE_CHOICE.equalsIgnoreCase(type);
        }

        public boolean isMultiChoice() {
            return MULTI_CHOICE.equalsIgnoreCase(type);
        }

        public boolean takesOptions() {
            return isSingleChoice() || isMultiChoice();
        }

        /** NPS is 0–10 by definition, even when the survey does not say so. */
        public Integer lowest() {
            return min != null ? min : isNps() ? Integer.valueOf(0) : null;
        }

        public Integer highest() {
            return max != null ? max : isNps() ? Integer.valueOf(10) : null;
        }

        /** Fewest options a MULTI_CHOICE answer picks: an answer picks at least one. */
        public int fewestSelected() {
            return minSelected != null ? Math.max(1, minSelected) : 1;
        }

        public int mostSelected() {
            return maxSelected != null ? maxSelected : Math.max(1, optionIds.size());
        }
    }

    /**
     * Display condition: a score compared with {@code value} (LE, LT, GE, GT, EQ, NE), or options IN
     * {@code values}.
     */
    public record Condition(String questionId, String operator, Integer value, List<String> values) {

        /** Whether the answer to {@link #questionId} meets the condition; an unknown operator never does. */
        public boolean isMetBy(Answer answer) {
            if ("IN".equalsIgnoreCase(operator)) {
                return values != null
                        && answer.optionIds() != null
                        && answer.optionIds().stream().anyMatch(values::contains);
            }
            if (answer.score() == null || value == null || operator == null) {
                return false;
            }
            int score = answer.score();
            return switch (operator.toUpperCase()) {
                case "LE" -> score <= value;
                case "LT" -> score < value;
                case "GE" -> score >= value;
                case "GT" -> score > value;
                case "EQ" -> score == value;
                case "NE" -> score != value;
                default -> false;
            };
        }

        @Override
        public String toString() {
            return questionId + " " + operator + " " + ("IN".equalsIgnoreCase(operator) ? values : value);
        }
    }

    public SurveyDefinition {
        touchpointKeys = touchpointKeys == null ? List.of() : List.copyOf(touchpointKeys);
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    /**
     * The questions displayed when a respondent has given these answers (by question id), with the rule the
     * intake enforces: a question is shown when it has no condition, or when the question its condition names is
     * shown, answered and meets the condition.
     */
    public Set<String> displayed(Map<String, Answer> answers) {
        Set<String> shown = new HashSet<>();
        for (Question question : questions) {
            Condition condition = question.showIf();
            if (condition == null
                    || shown.contains(condition.questionId())
                            && answers.get(condition.questionId()) != null
                            && condition.isMetBy(answers.get(condition.questionId()))) {
                shown.add(question.id());
            }
        }
        return shown;
    }

    public Map<String, Question> questionsById() {
        return questions.stream().collect(Collectors.toMap(Question::id, Function.identity(), (a, b) -> a));
    }
}
