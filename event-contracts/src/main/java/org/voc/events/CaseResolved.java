package org.voc.events;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code voc.case.resolved.v1} on {@value Topics#CASES}, keyed by case id: the case was resolved with {@code
 * resolutionCode} and, optionally, a goodwill {@code gesture}; the resolution note stays in case-service. {@code
 * resolutionBusinessSeconds} is the business time from opening (or the last reopening) to resolution, waits on the
 * customer excluded; {@code withinSla} whether it met its due time. {@code rootCauseCodes} (optional, added after
 * the first release: absent from older events) names the case's root causes by code, in the agent's order; empty
 * when the agent gave none.
 */
public record CaseResolved(
        @NotNull UUID caseId,
        @NotBlank String team,
        @NotBlank String assignee,
        @NotBlank String resolutionCode,
        @Valid Gesture gesture,
        @NotNull Instant resolvedAt,
        long resolutionBusinessSeconds,
        boolean withinSla,
        List<@NotBlank String> rootCauseCodes) {

    /** An event without root causes, as the first release wrote it. */
    public CaseResolved(
            UUID caseId,
            String team,
            String assignee,
            String resolutionCode,
            Gesture gesture,
            Instant resolvedAt,
            long resolutionBusinessSeconds,
            boolean withinSla) {
        this(caseId, team, assignee, resolutionCode, gesture, resolvedAt, resolutionBusinessSeconds, withinSla, null);
    }

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<CaseResolved> TYPE = EventType.of(
            Topics.CASES,
            "voc.case.resolved.v1",
            CaseResolved.class,
            e -> e.caseId().toString());

    /** A goodwill gesture: its kind (e.g. {@code FEE_REFUND}), and its amount in an ISO 4217 currency. */
    public record Gesture(
            @NotBlank String type, @PositiveOrZero BigDecimal amount, String currency) {}
}
