package org.voc.survey.distribution.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.events.Interaction;
import org.voc.survey.distribution.domain.InteractionRules;

/** One interaction as sent; the domain checks it (InteractionRules) like an interaction read from Kafka. */
public record InteractionRequest(
        @Schema(
                description = "The source system's id of the interaction, up to 120 characters: sending it again "
                        + "returns the stored decision",
                example = "crm-7781-2026-11-20",
                required = true,
                maxLength = InteractionRules.MAX_ID)
        String interactionId,

        @Schema(
                description = "Pseudonymous customer reference",
                example = "cust-42",
                required = true,
                maxLength = InteractionRules.MAX_REF)
        String customerRef,

        @Schema(
                description = "Registry key of the touchpoint; give this or touchpointRef",
                example = "card-delivery",
                maxLength = InteractionRules.MAX_KEY)
        String touchpointKey,

        @Schema(
                description = "The source system's event, registered as an external reference of a touchpoint; give "
                        + "this or touchpointKey")
        TouchpointRef touchpointRef,

        @Schema(
                description = "Channel of the interaction (registry vocabulary)",
                example = "BRANCH",
                required = true,
                maxLength = 20)
        String channel,

        @Schema(description = "Customer segment", example = "RETAIL", maxLength = InteractionRules.MAX_SEGMENT)
        String segment,

        @Schema(
                description = "When it happened (default: now); at most 5 minutes in the future",
                example = "2026-11-20T10:00:00Z")
        Instant occurredAt,

        @Schema(
                description = "Pseudonymous employee reference",
                example = "emp-301",
                maxLength = InteractionRules.MAX_REF)
        String employeeRef,

        @Schema(
                description = "Business process reference",
                example = "card-order-5521",
                maxLength = InteractionRules.MAX_REF)
        String processRef,

        @Schema(
                description = "Preferred locale; used when the survey version has it, else its default locale",
                example = "fr",
                maxLength = InteractionRules.MAX_LOCALE)
        String locale) {

    /** An external system's event that a touchpoint registered as its own. */
    public record TouchpointRef(
            @Schema(example = "crm", maxLength = InteractionRules.MAX_KEY)
            String system,

            @Schema(example = "card.delivered", maxLength = InteractionRules.MAX_REF)
            String ref) {}

    Interaction toInteraction() {
        return new Interaction(
                interactionId,
                customerRef,
                touchpointKey,
                touchpointRef == null ? null : touchpointRef.system(),
                touchpointRef == null ? null : touchpointRef.ref(),
                channel,
                segment,
                occurredAt,
                employeeRef,
                processRef,
                locale);
    }
}
