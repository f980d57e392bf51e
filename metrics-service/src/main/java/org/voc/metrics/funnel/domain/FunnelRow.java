package org.voc.metrics.funnel.domain;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One line of a funnel answer: the start of its period (null for a total), the values of the grouped dimensions
 * (absent when not grouped) and the counts of the invitations issued there.
 */
public record FunnelRow(OffsetDateTime period, Map<Dimension, String> group, FunnelCounts counts) {

    public FunnelRow {
        group = Map.copyOf(group);
    }
}
