package org.voc.metrics.funnel.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A funnel question: the invitations issued in [from, to], cut into periods of {@code granularity} in {@code zone}
 * (null: one total), filtered on some dimensions (values as stored: a survey id as text, {@code ""} for none) and
 * grouped by others, in the order given.
 */
public record FunnelQuery(
        Instant from,
        Instant to,
        ZoneId zone,
        Granularity granularity,
        Map<Dimension, String> filters,
        List<Dimension> groupBy) {

    public FunnelQuery {
        filters = Map.copyOf(filters);
        groupBy = List.copyOf(groupBy);
    }
}
