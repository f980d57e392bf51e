package org.voc.metrics.scores.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link ScoreQuery}: one point per period and group that holds values (in period, then group
 * order; a top list in descending n). Without granularity and grouping there is exactly one point, n = 0 included.
 * {@code source} names the roll-up read ({@code hour} or {@code day}), which fixes the time resolution.
 */
public record ScoreSeries(ScoreQuery query, String source, List<Point> points) {

    /** One value: its period's start in the query's zone (null for a total) and its group values by dimension;
     * {@code tally} is what the figures were computed from. */
    public record Point(OffsetDateTime period, Map<Dimension, String> groups, Tally tally, Figures figures) {}
}
