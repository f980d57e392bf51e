package org.voc.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code voc.case.reopened.v1} on {@value Topics#CASES}, keyed by case id: a resolved or closed case was reopened
 * ({@code reopenedCount} times so far) and is back with its assignee ({@code status} ASSIGNED), its resolution clock
 * restarted: {@code resolutionDueAt}. The reason given stays in case-service.
 */
public record CaseReopened(
        @NotNull UUID caseId,
        String team,
        String assignee,
        @NotBlank String status,
        int reopenedCount,
        @NotNull Instant reopenedAt,
        Instant resolutionDueAt) {

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<CaseReopened> TYPE = EventType.of(
            Topics.CASES,
            "voc.case.reopened.v1",
            CaseReopened.class,
            e -> e.caseId().toString());
}
