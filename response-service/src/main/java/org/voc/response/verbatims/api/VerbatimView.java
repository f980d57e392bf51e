package org.voc.response.verbatims.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.kit.privacy.Disclosure;
import org.voc.response.domain.Answer;
import org.voc.response.verbatims.domain.Verbatim;

/** A response in a search result or an NDJSON export line, shown through the caller's {@link Disclosure}. */
public record VerbatimView(
        UUID id,
        UUID surveyId,
        int surveyVersion,
        String touchpointKey,
        String channel,

        @Schema(
                description = "The customer's reference: a pseudonym (pn-…, the same for the same customer) unless the"
                        + " caller holds voc-pii; null when the response was erased",
                example = "pn-3f9a1c0d2b4e6f8a1c3e5d7b")
        String customerRef,

        @Schema(description = "True when an erasure anonymised the response: no customer, no texts; scores stay")
        boolean erased,

        Instant respondedAt,
        Instant receivedAt,
        Integer nps,
        List<AnswerView> answers,
        UUID invitationId,

        @Schema(description = "Customer segment of the interaction, null when unknown", example = "RETAIL")
        String segment,

        @Schema(description = "Employee who served the customer, null when unknown", example = "emp-301")
        String employeeRef,

        @Schema(
                description = "Business process instance (an order, a claim): pseudonymised like the customer unless"
                        + " the caller holds voc-pii, since it leads back to the customer in its source system",
                example = "pn-7c1e0a9b3d5f2e4a6c8b0d1f")
        String processRef) {

    /** One answer; a rating carries {@code score}, a free-text answer {@code text}, a choice {@code optionIds}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AnswerView(
            String questionId,
            String type,
            Integer score,

            @Schema(
                    description = "Free text; e-mail addresses, phone numbers and long digit runs are masked ([email],"
                            + " [phone], [number]) unless the caller holds voc-pii")
            String text,

            List<String> optionIds) {

        static AnswerView of(Answer a, Disclosure disclosure) {
            return new AnswerView(a.questionId(), a.type(), a.score(), disclosure.text(a.text()), a.optionIds());
        }
    }

    static VerbatimView of(Verbatim v, Disclosure disclosure) {
        return new VerbatimView(
                v.id(),
                v.surveyId(),
                v.surveyVersion(),
                v.touchpointKey(),
                v.channel(),
                disclosure.customerRef(v.customerRef()),
                v.erased(),
                v.respondedAt(),
                v.receivedAt(),
                v.nps(),
                v.answers().stream().map(a -> AnswerView.of(a, disclosure)).toList(),
                v.invitationId(),
                v.segment(),
                v.employeeRef(),
                disclosure.customerRef(v.processRef()));
    }
}
