package org.voc.survey.distribution.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A survey's distribution: whether it invites at all, the least time between two of its invitations to one
 * customer (around the interactions' times), and its rules. {@code updatedAt} is null while never set.
 */
public record DistributionSettings(
        UUID surveyId,
        boolean enabled,
        Duration minGapPerCustomer,
        List<DistributionRule> rules,
        Instant updatedAt,
        String updatedBy) {

    public static DistributionSettings none(UUID surveyId) {
        return new DistributionSettings(surveyId, false, Duration.ZERO, List.of(), null, null);
    }
}
