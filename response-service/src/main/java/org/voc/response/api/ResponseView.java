package org.voc.response.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.kit.privacy.Disclosure;
import org.voc.response.domain.Answer;
import org.voc.response.domain.StoredResponse;

/**
 * A stored response as the API shows it; {@code nps} is the NPS question's score, or null; {@code invitationId} the
 * invitation it answers, or null for an uninvited response; segment, employeeRef and processRef the interaction's
 * dimensions, each null when unknown. Reads show the customer through a {@link Disclosure}.
 */
public record ResponseView(
        UUID id,
        UUID surveyId,
        int surveyVersion,
        String touchpointKey,
        String channel,

        @Schema(
                description = "The customer's reference; on reads a pseudonym (pn-…, the same for the same customer)"
                        + " unless the caller holds voc-pii",
                example = "cust-4711")
        String customerRef,

        Instant respondedAt,
        Instant receivedAt,
        Integer nps,
        List<AnswerView> answers,
        UUID invitationId,

        @Schema(description = "Customer segment of the interaction behind the response; null when unknown")
        String segment,

        @Schema(description = "Pseudonymous employee who served the customer; null when unknown")
        String employeeRef,

        @Schema(
                description = "Business process instance (an order, a claim); null when unknown or the customer"
                        + " was erased")
        String processRef) {

    /** One answer; a rating carries {@code score}, a free-text answer {@code text}, a choice {@code optionIds}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AnswerView(
            String questionId,
            String type,
            Integer score,

            @Schema(
                    description = "Free text; on reads e-mail addresses, phone numbers and long digit runs are"
                            + " masked ([email], [phone], [number]) unless the caller holds voc-pii")
            String text,

            List<String> optionIds) {

        static AnswerView of(Answer a, Disclosure disclosure) {
            return new AnswerView(a.questionId(), a.type(), a.score(), disclosure.text(a.text()), a.optionIds());
        }
    }

    static ResponseView of(StoredResponse r, Disclosure disclosure) {
        return new ResponseView(
                r.id(),
                r.surveyId(),
                r.surveyVersion(),
                r.touchpointKey(),
                r.channel(),
                disclosure.customerRef(r.customerRef()),
                r.respondedAt(),
                r.receivedAt(),
                r.nps(),
                r.answers().stream().map(a -> AnswerView.of(a, disclosure)).toList(),
                r.invitationId(),
                r.dimensions().segment(),
                r.dimensions().employeeRef(),
                r.dimensions().processRef());
    }
}
