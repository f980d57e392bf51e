package org.voc.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code voc.case.breached.v1} on {@value Topics#CASES}, keyed by case id: one of a case's SLA clocks ran out
 * before it was met. {@code clock} is {@code FIRST_CONTACT} or {@code RESOLUTION}; {@code dueAt} is the business-hours
 * due time that passed; {@code breachedAt} is when case-service's SLA scheduler noticed (at most one interval later).
 * Published once per case and clock, through the outbox, in the transaction that marks the breach.
 */
public record CaseBreached(
        @NotNull UUID caseId,
        String team,
        String touchpointKey,
        @NotBlank String priority,
        @NotBlank String clock,
        @NotNull Instant dueAt,
        @NotNull Instant breachedAt) {

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<CaseBreached> TYPE = EventType.of(
            Topics.CASES,
            "voc.case.breached.v1",
            CaseBreached.class,
            c -> c.caseId().toString());
}
