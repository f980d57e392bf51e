package org.voc.cases.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.voc.cases.rules.domain.MatchedRule;

/**
 * One closed-loop case; {@code team} is null while the touchpoint's owner is not known, {@code nps} when the response
 * had none. {@code rules} are the case rules the response matched, with the SLA targets they set (null for cases
 * opened before rules); {@code work} is what was done with it since.
 */
public record Case(
        UUID id,
        UUID responseId,
        UUID surveyId,
        String touchpointKey,
        String team,
        String customerRef,
        Integer nps,
        String comment,
        CasePriority priority,
        CaseStatus status,
        Instant openedAt,
        Instant respondedAt,
        Instant dueAt,
        List<MatchedRule> rules,
        Duration firstContactTarget,
        Duration resolutionTarget,
        Work work) {

    /**
     * The work on a case (V7): its ETag {@code version}, who holds it, its business-hours due times (null while it
     * waits on the customer, kept once met), its first contact, resolution and closing, and the business time each
     * clock took, and the recovery re-survey (null when none was asked for).
     */
    public record Work(
            long version,
            String assignee,
            Instant assignedAt,
            Instant firstContactDueAt,
            Instant resolutionDueAt,
            Instant firstContactAt,
            String contactChannel,
            String contactOutcome,
            Instant resolvedAt,
            String resolutionCode,
            String resolutionNote,
            Gesture gesture,
            Instant closedAt,
            Long firstContactBusinessSeconds,
            Long resolutionBusinessSeconds,
            int reopenedCount,
            Instant updatedAt,
            Recovery recovery) {

        /** A case just opened: nobody holds it, its clocks run to these due times. */
        public static Work opened(Instant firstContactDueAt, Instant resolutionDueAt, Instant at) {
            return new Work(
                    0,
                    null,
                    null,
                    firstContactDueAt,
                    resolutionDueAt,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    0,
                    at,
                    null);
        }
    }

    /**
     * The recovery re-survey of a closed case (docs/improvement.md): when closing asked for it, and the customer's
     * first recovery answer (null until they answer); {@code recovered} when it is NPS 7 or more, or CSAT 4 or more.
     */
    public record Recovery(Instant requestedAt, Instant answeredAt, Integer nps, Integer csat, Boolean recovered) {}

    /** A goodwill gesture made with a resolution: its kind, and optionally an amount in an ISO 4217 currency. */
    public record Gesture(String type, BigDecimal amount, String currency) {}
}
