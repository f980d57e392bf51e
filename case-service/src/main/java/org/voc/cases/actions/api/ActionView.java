package org.voc.cases.actions.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.cases.actions.domain.ActionStatus;
import org.voc.cases.actions.domain.ImpactVerdict;
import org.voc.cases.actions.domain.ImprovementAction;
import org.voc.cases.actions.domain.Recurrence;

/** An improvement action as the API shows it. */
@Schema(name = "ImprovementAction")
public record ActionView(
        UUID id,
        String title,
        String description,
        String ownerTeam,
        List<UUID> rootCauseIds,
        List<String> touchpointKeys,
        LocalDate dueDate,
        Effect expectedEffect,
        int impactWindowDays,
        int minSample,
        ActionStatus status,

        @Schema(description = "The ETag: send it as If-Match with a change")
        long version,

        Instant createdAt,
        String createdBy,
        Instant updatedAt,

        @Schema(description = "When the fix went live (DONE); null before, and again after a reopening")
        Instant doneAt,

        @Schema(description = "Cases linked to the action (all of them, whatever the caller may see)")
        long linkedCases,

        @Schema(description = "Linked cases opened by NPS detractors (≤ 6)")
        long detractorCases,

        @Schema(
                description = "Frequency × impact: linkedCases × (detractorCases / linkedCases × 100), so 100 ×"
                        + " detractorCases; 0 without linked cases",
                example = "700")
        long suggestedPriority,

        @Schema(description = "metrics-service's latest verdict for the current doneAt; null until one arrives")
        Verdict verdict,

        @Schema(
                description = "How often the action's root causes recurred at its touchpoints, in cases per 1,000"
                        + " responses, over the verdict's two windows (docs/improvement.md, \"Recurrence\"); on the"
                        + " single read of a DONE or VERIFIED action only, null otherwise")
        Recurrence recurrence) {

    @Schema(name = "ImprovementActionExpectedEffect")
    public record Effect(String metric, String question, Double target) {}

    @Schema(name = "ImprovementActionVerdict")
    public record Verdict(
            @Schema(description = "IMPROVED, NO_SIGNIFICANT_CHANGE or WORSE")
            String verdict,

            Instant doneAt,
            long beforeN,
            Double beforeValue,
            long afterN,
            Double afterValue,

            @Schema(description = "after − before") Double difference,
            Double pValue,

            @Schema(description = "Whether the after window reached the target; null without one")
            Boolean targetMet,

            @Schema(description = "A window held fewer responses than minSample")
            boolean insufficientSample,

            Instant assessedAt) {}

    static ActionView of(ImprovementAction a) {
        return of(a, null);
    }

    static ActionView of(ImprovementAction a, Recurrence recurrence) {
        ImpactVerdict v = a.verdict();
        return new ActionView(
                a.id(),
                a.title(),
                a.description(),
                a.ownerTeam(),
                a.rootCauseIds(),
                a.touchpointKeys(),
                a.dueDate(),
                new Effect(a.metric(), a.question(), a.target()),
                a.windowDays(),
                a.minSample(),
                a.status(),
                a.version(),
                a.createdAt(),
                a.createdBy(),
                a.updatedAt(),
                a.doneAt(),
                a.linkedCases(),
                a.detractorCases(),
                a.suggestedPriority(),
                v == null
                        ? null
                        : new Verdict(
                                v.verdict(),
                                v.doneAt(),
                                v.beforeN(),
                                v.beforeValue(),
                                v.afterN(),
                                v.afterValue(),
                                v.difference(),
                                v.pValue(),
                                v.targetMet(),
                                v.insufficientSample(),
                                v.assessedAt()),
                recurrence);
    }
}
