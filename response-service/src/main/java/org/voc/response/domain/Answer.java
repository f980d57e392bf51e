package org.voc.response.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One stored answer: a score for rating questions, a text for free-text ones, the picked option ids for choice
 * questions; {@code type} is the question's. {@code optionIds} is left out of the JSON when absent, so answers
 * stored before choice questions existed keep the same shape (and the same idempotency fingerprint).
 */
public record Answer(
        String questionId,
        String type,
        Integer score,
        String text,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> optionIds) {

    public Answer(String questionId, String type, Integer score, String text) {
        this(questionId, type, score, text, null);
    }
}
