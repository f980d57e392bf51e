package org.voc.survey.definition.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.voc.survey.definition.domain.Question;
import org.voc.survey.definition.domain.QuestionType;

/** A question as the API shows it (the same shape as it is sent; fields a type does not use are left out). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuestionView(
        String id,
        QuestionType type,
        boolean required,
        Map<String, String> text,
        Integer min,
        Integer max,
        List<Question.Option> options,
        Integer minSelected,
        Integer maxSelected,
        Question.Condition showIf) {

    static QuestionView of(Question q) {
        return new QuestionView(
                q.id(),
                q.type(),
                q.required(),
                q.text(),
                q.min(),
                q.max(),
                q.options(),
                q.minSelected(),
                q.maxSelected(),
                q.showIf());
    }
}
