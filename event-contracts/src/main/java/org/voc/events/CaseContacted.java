package org.voc.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code voc.case.contacted.v1} on {@value Topics#CASES}, keyed by case id: the assignee reached out to the customer
 * ({@code channel}, {@code outcome}); the agent's note stays in case-service. {@code firstContactBusinessSeconds} is
 * the business time the first contact took (the team's calendar), and {@code withinSla} whether it met its due time.
 */
public record CaseContacted(
        @NotNull UUID caseId,
        @NotBlank String team,
        @NotBlank String assignee,
        @NotBlank String channel,
        @NotBlank String outcome,
        @NotNull Instant contactedAt,
        long firstContactBusinessSeconds,
        boolean withinSla) {

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<CaseContacted> TYPE = EventType.of(
            Topics.CASES,
            "voc.case.contacted.v1",
            CaseContacted.class,
            e -> e.caseId().toString());
}
