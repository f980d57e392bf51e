package org.voc.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code voc.case.escalated.v1} on {@value Topics#CASES}, keyed by case id: a step of the team's escalation ladder
 * fired for a breached clock of the case, and {@code recipients} (Keycloak user names or e-mail addresses) are to be
 * told. {@code step} is the step's place on the ladder (1 first), {@code after} its ISO-8601 business-time delay
 * since {@code breachedAt}. Published once per case, clock and step, in ladder order, through the outbox in the
 * transaction that records the step.
 */
public record CaseEscalated(
        @NotNull UUID caseId,
        String team,
        String touchpointKey,
        @NotBlank String clock,
        @Positive int step,
        String label,
        @NotEmpty List<@NotBlank String> recipients,
        @NotBlank String after,
        @NotNull Instant breachedAt,
        @NotNull Instant escalatedAt) {

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<CaseEscalated> TYPE = EventType.of(
            Topics.CASES,
            "voc.case.escalated.v1",
            CaseEscalated.class,
            c -> c.caseId().toString());
}
