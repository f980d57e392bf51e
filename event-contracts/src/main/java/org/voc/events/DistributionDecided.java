package org.voc.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code voc.distribution.decided.v1} on {@value Topics#DECISIONS}, keyed by customer reference: what
 * survey-service decided for one interaction. {@code outcome} is {@code INVITED} (with the invitation's id and
 * survey) or {@code SUPPRESSED} with a {@code reason} ({@code UNKNOWN_TOUCHPOINT}, {@code OPTED_OUT},
 * {@code NO_ACTIVE_SURVEY}, {@code NOT_SAMPLED}, {@code MIN_GAP}, {@code FATIGUE_CAP}, {@code STALE_INTERACTION});
 * {@code explanation} says why in words an analyst can read.
 */
public record DistributionDecided(
        UUID decisionId,
        String interactionId,
        String customerRef,
        String touchpointKey,
        String channel,
        String segment,
        Instant occurredAt,
        Instant decidedAt,
        String outcome,
        String reason,
        String explanation,
        UUID invitationId,
        UUID surveyId,
        Integer surveyVersion) {

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<DistributionDecided> TYPE = EventType.of(
            Topics.DECISIONS,
            "voc.distribution.decided.v1",
            DistributionDecided.class,
            DistributionDecided::customerRef);
}
