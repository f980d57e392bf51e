package org.voc.cases.actions.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.cases.actions.domain.ActionContent;
import org.voc.kit.problem.Invalid;

/** The bodies of the improvement action operations (docs/cases.md, "Improvement actions"); every part is bounded. */
final class ActionRequests {

    static final String SLUG = "[a-z0-9][a-z0-9-]{1,79}";
    static final String SLUG_MESSAGE = "must be a lower-case slug of 2 to 80 letters, digits and dashes";
    static final int MAX_ITEMS = 50;

    private ActionRequests() {}

    /** The effect the owners expect: the metric measured at the action's touchpoints, and the value it should reach. */
    @Schema(name = "ImprovementActionEffect")
    record Effect(
            @Schema(description = "nps, csat, ces, cli or rating", example = "nps")
            @NotNull
            @Pattern(regexp = "nps|csat|ces|cli|rating", message = "must be one of nps, csat, ces, cli, rating")
            String metric,

            @Schema(description = "The rating question's id, required for (and only for) rating", example = "speed")
            @Size(max = 80)
            String question,

            @Schema(description = "The value the metric should reach after the action, -100 to 100", example = "20")
            @DecimalMin("-100")
            @DecimalMax("100")
            Double target) {}

    /** Creation and update (an update replaces every field). */
    @Schema(name = "ImprovementActionRequest")
    record Write(
            @Schema(example = "Courier SLA with the card carrier") @NotBlank @Size(max = 200)
            String title,

            @Schema(example = "Contract a next-day delivery SLA and track every card shipment") @Size(max = 4000)
            String description,

            @Schema(description = "Team that owns the action", example = "cards-ops")
            @Pattern(regexp = SLUG, message = SLUG_MESSAGE)
            String ownerTeam,

            @Schema(description = "Root causes (ids of the taxonomy) the action answers") @Size(max = MAX_ITEMS)
            List<@NotNull UUID> rootCauseIds,

            @Schema(description = "Touchpoint keys where the action acts and its effect is measured")
            @NotEmpty
            @Size(max = MAX_ITEMS)
            List<@NotNull @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String> touchpointKeys,

            @Schema(example = "2026-12-31") LocalDate dueDate,

            @Schema(description = "Omitted: NPS without a target") @Valid
            Effect expectedEffect,

            @Schema(description = "Days of each window compared before and after doneAt; omitted: 28", example = "28")
            @Min(1)
            @Max(366)
            Integer impactWindowDays,

            @Schema(description = "Smallest n per window for a significant verdict; omitted: 30", example = "30")
            @Min(1)
            @Max(1_000_000)
            Integer minSample) {

        ActionContent content() {
            return ActionRequests.content(
                    title,
                    description,
                    ownerTeam,
                    rootCauseIds,
                    touchpointKeys,
                    dueDate,
                    expectedEffect,
                    impactWindowDays,
                    minSample);
        }
    }

    /** A case agent's proposal from a case: the case's touchpoint and team are filled in. */
    @Schema(name = "ImprovementActionProposal")
    record Proposal(
            @Schema(example = "Courier SLA with the card carrier") @NotBlank @Size(max = 200)
            String title,

            @Schema(example = "Cards keep arriving a week late; the carrier has no delivery SLA") @Size(max = 4000)
            String description,

            @Schema(description = "Root causes (ids of the taxonomy) the action answers") @Size(max = MAX_ITEMS)
            List<@NotNull UUID> rootCauseIds,

            @Schema(description = "Touchpoint keys besides the case's") @Size(max = MAX_ITEMS)
            List<@NotNull @Pattern(regexp = SLUG, message = SLUG_MESSAGE) String> touchpointKeys,

            @Schema(example = "2026-12-31") LocalDate dueDate,

            @Schema(description = "Omitted: NPS without a target") @Valid
            Effect expectedEffect) {

        ActionContent content() {
            return ActionRequests.content(
                    title, description, null, rootCauseIds, touchpointKeys, dueDate, expectedEffect, null, null);
        }
    }

    @Schema(name = "ImprovementActionDone")
    record Done(
            @Schema(
                    description = "When the fix went live; not in the future; omitted: now",
                    example = "2026-11-30T08:00:00Z")
            Instant doneAt) {}

    @Schema(name = "ImprovementActionVerify")
    record Verify(
            @Schema(
                    description = "Verify although the verdict is not IMPROVED (or has not come): why; the history"
                            + " keeps it with who gave it",
                    example = "Complaints about the courier stopped; too few responses for a verdict")
            @Size(max = 500)
            String overrideReason) {}

    @Schema(name = "ImprovementActionReason")
    record Reason(
            @Schema(description = "Why; kept in the action's history", example = "The carrier did not sign the SLA")
            @NotBlank
            @Size(max = 500)
            String reason) {}

    @Schema(name = "ImprovementActionReject")
    record Reject(
            @Schema(description = "Why; kept in the action's history", example = "Covered by another action")
            @Size(max = 500)
            String reason) {}

    @Schema(name = "ImprovementActionLinkCases")
    record Link(
            @Schema(description = "Ids of the cases the action answers for") @NotEmpty @Size(max = 500)
            List<@NotNull UUID> caseIds) {}

    private static ActionContent content(
            String title,
            String description,
            String ownerTeam,
            List<UUID> rootCauseIds,
            List<String> touchpointKeys,
            LocalDate dueDate,
            Effect effect,
            Integer windowDays,
            Integer minSample) {
        String metric = effect == null ? "nps" : effect.metric();
        String question = effect == null ? null : effect.question();
        if ("rating".equals(metric) && (question == null || question.isBlank())) {
            throw Invalid.field("expectedEffect.question", "is required for the metric rating");
        }
        if (!"rating".equals(metric) && question != null) {
            throw Invalid.field("expectedEffect.question", "is only for the metric rating");
        }
        return new ActionContent(
                title,
                description,
                ownerTeam,
                rootCauseIds == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(rootCauseIds)),
                touchpointKeys == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(touchpointKeys)),
                dueDate,
                metric,
                question,
                effect == null ? null : effect.target(),
                windowDays,
                minSample);
    }
}
