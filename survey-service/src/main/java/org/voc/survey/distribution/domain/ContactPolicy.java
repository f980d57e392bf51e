package org.voc.survey.distribution.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Contact governance across all surveys: a customer gets at most {@code maxInvitations} invitations whose
 * interactions lie within {@code window} of each other (docs/distribution.md). {@code updatedAt} is null while
 * the defaults apply.
 */
public record ContactPolicy(int maxInvitations, Duration window, Instant updatedAt, String updatedBy) {

    public static final ContactPolicy DEFAULT = new ContactPolicy(3, Duration.ofDays(30), null, null);
}
