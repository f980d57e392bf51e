package org.voc.survey.definition.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;

/**
 * One question of a survey definition; {@code text} maps a locale to its wording. {@code min}/{@code max} are set
 * for RATING only, {@code options} for choice questions, {@code minSelected}/{@code maxSelected} for MULTI_CHOICE
 * only; {@code showIf} (optional) shows the question only when an earlier answer meets it.
 */
@RegisterForReflection
public record Question(
        String id,
        QuestionType type,
        boolean required,
        Map<String, String> text,
        Integer min,
        Integer max,
        List<Option> options,
        Integer minSelected,
        Integer maxSelected,
        Condition showIf) {

    public Question(String id, QuestionType type, boolean required, Map<String, String> text) {
        this(id, type, required, text, null, null, null, null, null, null);
    }

    /** Lowest score: the type's fixed one, or the question's own for RATING; null for text and choices. */
    public Integer lowest() {
        return type == QuestionType.RATING ? min : type.min();
    }

    public Integer highest() {
        return type == QuestionType.RATING ? max : type.max();
    }

    /** One option of a choice question; answers name it by {@code id}. */
    @RegisterForReflection
    public record Option(String id, Map<String, String> text) {}

    /** Display condition on an earlier question: a score compared with {@code value}, or options IN {@code values}. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Condition(String questionId, Operator operator, Integer value, List<String> values) {}

    /** Comparison of a display condition; IN is for choice questions, the others for scores. */
    public enum Operator {
        LE,
        LT,
        GE,
        GT,
        EQ,
        NE,
        IN
    }
}
