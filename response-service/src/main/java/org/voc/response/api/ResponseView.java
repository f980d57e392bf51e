package org.voc.response.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.voc.response.domain.Answer;
import org.voc.response.domain.StoredResponse;

/**
 * A stored response as the API shows it; {@code nps} is the NPS question's score, or null; {@code invitationId} the
 * invitation it answers, or null for an uninvited response.
 */
public record ResponseView(
        UUID id,
        UUID surveyId,
        int surveyVersion,
        String touchpointKey,
        String channel,
        String customerRef,
        Instant respondedAt,
        Instant receivedAt,
        Integer nps,
        List<AnswerView> answers,
        UUID invitationId) {

    /** One answer; a rating carries {@code score}, a free-text answer {@code text}, a choice {@code optionIds}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AnswerView(String questionId, String type, Integer score, String text, List<String> optionIds) {

        static AnswerView of(Answer a) {
            return new AnswerView(a.questionId(), a.type(), a.score(), a.text(), a.optionIds());
        }
    }

    static ResponseView of(StoredResponse r) {
        return new ResponseView(
                r.id(),
                r.surveyId(),
                r.surveyVersion(),
                r.touchpointKey(),
                r.channel(),
                r.customerRef(),
                r.respondedAt(),
                r.receivedAt(),
                r.nps(),
                r.answers().stream().map(AnswerView::of).toList(),
                r.invitationId());
    }
}
