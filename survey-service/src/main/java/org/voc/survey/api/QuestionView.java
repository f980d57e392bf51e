package org.voc.survey.api;

import java.util.Map;

import org.voc.survey.domain.Question;
import org.voc.survey.domain.QuestionType;

/** A question as the API shows it (the same shape as it is sent). */
public record QuestionView(String id, QuestionType type, boolean required, Map<String, String> text) {

    static QuestionView of(Question q) {
        return new QuestionView(q.id(), q.type(), q.required(), q.text());
    }
}
