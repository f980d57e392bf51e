package org.voc.response.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.response.domain.Dimensions;

/**
 * Body of a response submission; everything but surveyId, customerRef and answers is optional, and those two may
 * be left out too when an {@code invitationToken} names them. segment, employeeRef and processRef are blank-free
 * labels without control characters (checked by the intake, like every response's).
 */
@Schema(name = "ResponseRequest")
public record SubmitRequest(
        @Schema(
                description = "Client-chosen id and idempotency key: the same body sent again under it is answered "
                        + "200 with the stored response, a different body 409. Generated when omitted.")
        UUID id,

        @Schema(description = "Survey answered; required unless invitationToken is given")
        UUID surveyId,

        @Schema(description = "Published version answered; defaults to the latest version known", example = "1")
        Integer surveyVersion,

        @Schema(
                description = "Touchpoint the response is about; may be omitted when the survey version is bound "
                        + "to exactly one touchpoint",
                example = "card-delivery")
        @Size(max = 80)
        String touchpointKey,

        @Schema(description = "Channel the response was collected through", example = "BRANCH") @Size(max = 40)
        String channel,

        @Schema(
                description = "Pseudonymous customer reference (never a name, e-mail or account number); "
                        + "required unless invitationToken is given",
                example = "cust-0042")
        @Size(max = 120)
        String customerRef,

        @Schema(description = "When the customer answered; defaults to now, at most 5 minutes in the future")
        Instant respondedAt,

        @NotNull @Size(max = 500) List<@NotNull @Valid AnswerRequest> answers,

        @Schema(
                description = "The respondent's invitation token (as in the link survey-service sent), for an "
                        + "app or a server that relays an invited answer. It is verified, its survey, "
                        + "version, touchpoint, channel and customer fill the fields left out, a field that "
                        + "contradicts it is a 400, and the invitation can be answered only once (409 "
                        + "already-answered). Omit it for uninvited responses.")
        @Size(max = 4096)
        String invitationToken,

        @Schema(
                description = "Customer segment of the interaction behind the response, for analytics; ignored "
                        + "with invitationToken (the invitation's signed value is used)",
                example = "RETAIL",
                maxLength = Dimensions.MAX_SEGMENT)
        @Size(max = Dimensions.MAX_SEGMENT)
        String segment,

        @Schema(
                description = "Pseudonymous reference of the employee who served the customer; ignored with "
                        + "invitationToken (the invitation's signed value is used)",
                example = "emp-301",
                maxLength = Dimensions.MAX_REF)
        @Size(max = Dimensions.MAX_REF)
        String employeeRef,

        @Schema(
                description = "Business process instance behind the response (an order, a claim); ignored with "
                        + "invitationToken (the invitation's signed value is used). Dropped when the customer is "
                        + "erased",
                example = "card-order-5521",
                maxLength = Dimensions.MAX_REF)
        @Size(max = Dimensions.MAX_REF)
        String processRef) {

    /** The interaction's dimensions as the client sent them. */
    Dimensions dimensions() {
        return new Dimensions(segment, employeeRef, processRef);
    }

    /**
     * One answer: {@code score} for rating questions (NPS, CSAT, CES, CLI_*, RATING), {@code text} for TEXT
     * questions, {@code optionId} for SINGLE_CHOICE and {@code optionIds} for MULTI_CHOICE questions.
     */
    @Schema(name = "AnswerRequest")
    public record AnswerRequest(
            @Schema(example = "nps") @NotBlank @Size(max = 80)
            String questionId,

            @Schema(type = SchemaType.INTEGER, description = "Integer within the question's min..max", example = "3")
            JsonNode score,

            @Schema(
                    description = "TEXT: the answer, up to voc.ingest.max-text-length characters (4000 unless "
                            + "configured otherwise)",
                    example = "The card came a week late",
                    maxLength = 4000)
            String text,

            @Schema(description = "SINGLE_CHOICE: the id of the option picked", example = "waiting-time")
            @Size(max = 80)
            String optionId,

            @Schema(
                    description = "MULTI_CHOICE: the ids of the options picked, within the question's "
                            + "minSelected..maxSelected",
                    example = "[\"slow\", \"unfriendly\"]")
            @Size(max = 50)
            List<@NotBlank @Size(max = 80) String> optionIds) {}
}
