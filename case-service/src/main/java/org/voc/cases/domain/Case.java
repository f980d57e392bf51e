package org.voc.cases.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.voc.cases.rules.domain.MatchedRule;

/**
 * One closed-loop case; {@code team} is null while the touchpoint's owner is not known, {@code nps} when the response
 * had none. {@code rules} are the case rules the response matched, with the SLA targets they set (null for cases
 * opened before rules).
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
        Duration resolutionTarget) {}
