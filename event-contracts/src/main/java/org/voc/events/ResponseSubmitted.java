package org.voc.events;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code voc.response.submitted.v1} on {@value Topics#RESPONSES}: one accepted, validated response.
 * {@code nps} is the 0–10 score of the survey's NPS question, or null when it has none or it was skipped.
 * {@code invitationId} (optional, added after v1) names the invitation answered, null for uninvited responses.
 * {@code segment}, {@code employeeRef} and {@code processRef} (optional, added after v1) are the dimensions of the
 * interaction that led to the response: the customer segment, the employee who served the customer and the
 * business process instance; null when unknown, absent in older records.
 */
public record ResponseSubmitted(
        @NotNull UUID responseId,
        @NotNull UUID surveyId,
        int surveyVersion,
        @NotBlank String touchpointKey,
        String channel,
        String customerRef,
        @NotNull Instant respondedAt,
        @Min(0) @Max(10) Integer nps,
        List<Answer> answers,
        UUID invitationId,
        @Size(max = 60) String segment,
        @Size(max = 200) String employeeRef,
        @Size(max = 200) String processRef) {

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<ResponseSubmitted> TYPE = EventType.of(
            Topics.RESPONSES,
            "voc.response.submitted.v1",
            ResponseSubmitted.class,
            r -> r.responseId().toString());

    /** The shape before the interaction's dimensions. */
    public ResponseSubmitted(
            UUID responseId,
            UUID surveyId,
            int surveyVersion,
            String touchpointKey,
            String channel,
            String customerRef,
            Instant respondedAt,
            Integer nps,
            List<Answer> answers,
            UUID invitationId) {
        this(
                responseId,
                surveyId,
                surveyVersion,
                touchpointKey,
                channel,
                customerRef,
                respondedAt,
                nps,
                answers,
                invitationId,
                null,
                null,
                null);
    }

    /** The original shape, without an invitation. */
    public ResponseSubmitted(
            UUID responseId,
            UUID surveyId,
            int surveyVersion,
            String touchpointKey,
            String channel,
            String customerRef,
            Instant respondedAt,
            Integer nps,
            List<Answer> answers) {
        this(responseId, surveyId, surveyVersion, touchpointKey, channel, customerRef, respondedAt, nps, answers, null);
    }

    /**
     * One answer: a score for rating questions, a text for free-text questions, the chosen option ids for choice
     * questions ({@code optionIds}, optional, added after v1: absent for every other type).
     */
    public record Answer(String questionId, String type, Integer score, String text, List<String> optionIds) {

        /** The original shape, for rating and text answers. */
        public Answer(String questionId, String type, Integer score, String text) {
            this(questionId, type, score, text, null);
        }
    }
}
