package org.voc.cases.rules.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.voc.cases.domain.CasePriority;

/**
 * A rule that opens a case for the responses that meet its conditions, with the priority and SLA targets it sets;
 * {@code team} (optional) overrides the touchpoint's owner team; {@code recoverySurvey} re-invites the customer
 * with a recovery survey when a case it opened is closed. {@code revision} is the ETag.
 */
public record CaseRule(
        UUID id,
        String name,
        boolean enabled,
        RuleConditions conditions,
        CasePriority priority,
        Duration firstContactTarget,
        Duration resolutionTarget,
        String team,
        boolean recoverySurvey,
        long revision,
        Instant createdAt,
        Instant updatedAt) {}
