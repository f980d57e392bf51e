package org.voc.cases.actions.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An improvement action of the outer loop as the service knows it: its content, status and ETag ({@code version}),
 * the cases it answers for and their detractors (which rank it: {@link #suggestedPriority}), and the verdict on its
 * effect for the current {@code doneAt} (null until one arrives).
 */
public record ImprovementAction(
        UUID id,
        String title,
        String description,
        String ownerTeam,
        List<UUID> rootCauseIds,
        List<String> touchpointKeys,
        LocalDate dueDate,
        String metric,
        String question,
        Double target,
        int windowDays,
        int minSample,
        ActionStatus status,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        Instant doneAt,
        long linkedCases,
        long detractorCases,
        ImpactVerdict verdict) {

    /**
     * Frequency × impact: frequency is the number of linked cases, impact the share of them opened by NPS detractors
     * (≤ 6) in percent, so n × (d / n × 100) = 100 × d (docs/cases.md, "Ranking").
     */
    public long suggestedPriority() {
        return priorityOf(linkedCases, detractorCases);
    }

    public static long priorityOf(long linked, long detractors) {
        return linked == 0 ? 0 : Math.round(linked * (100.0 * detractors / linked));
    }
}
