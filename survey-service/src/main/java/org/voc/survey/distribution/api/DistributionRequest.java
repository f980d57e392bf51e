package org.voc.survey.distribution.api;

import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.survey.distribution.domain.SettingsRules;

/** A survey's distribution settings as sent; the domain checks them and names every field at fault. */
public record DistributionRequest(
        @Schema(description = "Whether the survey invites at all", example = "true", required = true)
        Boolean enabled,

        @Schema(
                description = "Least time between the interactions of two invitations of this survey to one customer "
                        + "(ISO 8601, P0D to P365D; default P0D)",
                example = "P30D",
                implementation = String.class,
                maxLength = 40)
        Duration minGapPerCustomer,

        @Schema(
                description = "When to invite; an empty list invites nobody",
                required = true,
                maxItems = SettingsRules.MAX_RULES)
        List<RuleRequest> rules) {

    /** One rule as sent. */
    public record RuleRequest(
            @Schema(description = "Touchpoints of the survey this rule applies to", example = "[\"card-delivery\"]")
            @Size(max = 50)
            List<@Size(max = 80) String> touchpointKeys,

            @Schema(
                    description = "Interaction channels (registry vocabulary); empty or absent = any",
                    example = "[\"BRANCH\", \"MOBILE_APP\"]")
            @Size(max = 20)
            List<@Size(max = 40) String> channels,

            @Schema(description = "Customer segments; empty or absent = any", example = "[\"RETAIL\"]") @Size(max = 100)
            List<@Size(max = 60) String> segments,

            @Schema(description = "Share of matching interactions invited, 0 to 1", example = "0.25")
            Double samplingRate,

            @Schema(
                    description = "How long the invitation link works (ISO 8601, PT1H to P90D); older interactions "
                            + "are not invited",
                    example = "P7D",
                    implementation = String.class,
                    maxLength = 40)
            Duration invitationTtl,

            @Schema(description = "EMAIL, SMS, PUSH, WEB, IN_APP or WHATSAPP", example = "SMS", maxLength = 20)
            String deliveryChannel,

            @Schema(
                    description = "Higher is tried first when rules of several surveys match (default 0)",
                    example = "100")
            Integer priority) {}
}
