package org.voc.metrics.alerts.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A significant drop of a rule's metric, with the figures of the window that showed it: kept open while the drop
 * lasts ({@code lastSeenTo}: the last window that still showed it), resolved when it no longer holds. Outlives its
 * rule.
 */
public record Alert(
        UUID id,
        UUID ruleId,
        String ruleName,
        String metric,
        String question,
        Map<String, List<String>> filters,
        State state,
        Instant windowFrom,
        Instant windowTo,
        Instant baselineFrom,
        Instant baselineTo,
        long currentN,
        Double current,
        long baselineN,
        Double baseline,
        Double difference,
        Double pValue,
        Instant firedAt,
        Instant lastSeenTo,
        Instant resolvedAt,
        String resolution) {

    public enum State {
        OPEN,
        RESOLVED
    }
}
