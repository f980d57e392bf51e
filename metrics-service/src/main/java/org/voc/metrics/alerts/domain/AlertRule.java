package org.voc.metrics.alerts.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A metric an analyst watches: under {@code filters}, its last {@code window} against the {@code baseline} before
 * it. It fires when the metric got worse and the change is significant at {@code alpha} (when set) and at least
 * {@code minChange} in the metric's unit (when set), with at least {@code minSample} responses on each side.
 * {@code lastWindowTo} is the end of the last window judged (null before the first evaluation or after a change).
 */
public record AlertRule(
        UUID id,
        String name,
        String metric,
        String question,
        Map<String, List<String>> filters,
        Duration window,
        Duration baseline,
        int minSample,
        Double alpha,
        Double minChange,
        boolean enabled,
        long revision,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        Instant lastWindowTo) {

    /** What a caller may set. */
    public record Fields(
            String name,
            String metric,
            String question,
            Map<String, List<String>> filters,
            Duration window,
            Duration baseline,
            int minSample,
            Double alpha,
            Double minChange,
            boolean enabled) {}
}
