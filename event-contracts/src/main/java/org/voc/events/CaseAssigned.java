package org.voc.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code voc.case.assigned.v1} on {@value Topics#CASES}, keyed by case id: the case was given to {@code assignee}, a
 * member of {@code team}. {@code how} is {@code ASSIGN} (by hand), {@code CLAIM} (the assignee took it) or {@code
 * ROUND_ROBIN}; {@code previousAssignee} is null for a first assignment and names who held it on a reassignment.
 */
public record CaseAssigned(
        @NotNull UUID caseId,
        @NotBlank String team,
        @NotBlank String assignee,
        String previousAssignee,
        @NotBlank String how,
        @NotBlank String status,
        @NotNull Instant assignedAt) {

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<CaseAssigned> TYPE = EventType.of(
            Topics.CASES,
            "voc.case.assigned.v1",
            CaseAssigned.class,
            e -> e.caseId().toString());
}
