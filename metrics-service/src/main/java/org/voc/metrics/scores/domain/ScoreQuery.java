package org.voc.metrics.scores.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * "The stats of metric M under filters F over [from, to]": {@code question} names the RATING question (null
 * otherwise); {@code granularity} null means one total; {@code groupBy} holds zero, one or two dimensions;
 * {@code filters} keep the values whose dimension is any of the listed values; {@code limit} bounds an employee or
 * process top list. {@code wholeDays} says that from and to are day boundaries in {@code zone} (the caller gave
 * dates), which lets the daily roll-up answer.
 */
public record ScoreQuery(
        Metric metric,
        String question,
        Instant from,
        Instant to,
        ZoneId zone,
        boolean wholeDays,
        Granularity granularity,
        List<Dimension> groupBy,
        Map<Dimension, List<String>> filters,
        int limit) {

    public ScoreQuery {
        groupBy = List.copyOf(groupBy);
        filters = Map.copyOf(filters);
    }

    /** The same question under other filters over another range (a comparison's baseline). */
    public ScoreQuery baseline(Instant from, Instant to, boolean wholeDays, Map<Dimension, List<String>> filters) {
        return new ScoreQuery(metric, question, from, to, zone, wholeDays, granularity, groupBy, filters, limit);
    }
}
