package org.voc.events;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/** {@code voc.case.closed.v1} on {@value Topics#CASES}, keyed by case id: a resolved case was closed. */
public record CaseClosed(
        @NotNull UUID caseId,
        String team,
        String assignee,
        @NotNull Instant closedAt) {

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<CaseClosed> TYPE = EventType.of(
            Topics.CASES,
            "voc.case.closed.v1",
            CaseClosed.class,
            e -> e.caseId().toString());
}
