package org.voc.response.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A response as the client sent it, before it is checked against the survey. Optional fields are null when
 * omitted; {@code id} is the client's idempotency key. {@code invitationId} is set only from a verified invitation
 * (see {@link Invitation#bind}), never from a client's word; so are the {@code dimensions} of an invited response.
 */
public record Submission(
        UUID id,
        UUID surveyId,
        Integer surveyVersion,
        String touchpointKey,
        String channel,
        String customerRef,
        Instant respondedAt,
        List<AnswerInput> answers,
        UUID invitationId,
        Dimensions dimensions) {

    /** An uninvited response with the interaction's dimensions its client sent. */
    public Submission(
            UUID id,
            UUID surveyId,
            Integer surveyVersion,
            String touchpointKey,
            String channel,
            String customerRef,
            Instant respondedAt,
            List<AnswerInput> answers,
            Dimensions dimensions) {
        this(id, surveyId, surveyVersion, touchpointKey, channel, customerRef, respondedAt, answers, null, dimensions);
    }

    /**
     * One answer as sent; {@code score} is any JSON number, so a fraction can be reported rather than rounded.
     * Choice questions are answered with {@code optionId} (single) or {@code optionIds} (multiple).
     */
    public record AnswerInput(
            String questionId, BigDecimal score, String text, String optionId, List<String> optionIds) {

        public AnswerInput(String questionId, BigDecimal score, String text) {
            this(questionId, score, text, null, null);
        }
    }
}
