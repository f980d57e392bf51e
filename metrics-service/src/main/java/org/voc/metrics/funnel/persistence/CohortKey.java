package org.voc.metrics.funnel.persistence;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/** One row of the funnel roll-up: the issue hour (UTC) and the dimensions ({@code ""} for none). */
public record CohortKey(
        Instant bucketStart, UUID surveyId, String touchpointKey, String channel, String deliveryChannel) {

    /** The primary key's order: upserts in this order, so two replicas updating the same rows cannot deadlock. */
    public static final Comparator<CohortKey> ORDER = Comparator.comparing(CohortKey::bucketStart)
            .thenComparing(CohortKey::surveyId)
            .thenComparing(CohortKey::touchpointKey)
            .thenComparing(CohortKey::channel)
            .thenComparing(CohortKey::deliveryChannel);
}
