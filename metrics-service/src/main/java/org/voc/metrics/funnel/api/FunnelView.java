package org.voc.metrics.funnel.api;

import java.time.Instant;
import java.util.List;

/**
 * A funnel answer: the issue-time range asked for, how it was cut ({@code granularity} null: one total) and grouped,
 * and one row per period and group that had invitations (a total without groups always has its one row).
 */
public record FunnelView(
        Instant from,
        Instant to,
        String timeZone,
        String granularity,
        List<String> groupBy,
        double confidenceLevel,
        List<FunnelRowView> rows) {}
