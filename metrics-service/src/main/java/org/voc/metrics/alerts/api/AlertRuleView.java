package org.voc.metrics.alerts.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.metrics.alerts.domain.AlertRule;

/** An alert rule as the API shows it; durations as ISO strings. */
public record AlertRuleView(
        UUID id,
        String name,
        String metric,
        String question,
        Map<String, List<String>> filters,
        String window,
        String baseline,
        int minSample,
        Double alpha,
        Double minChange,
        boolean enabled,
        long revision,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,

        @Schema(description = "End of the last window judged; null until the first evaluation after a change")
        Instant lastWindowTo) {

    static AlertRuleView of(AlertRule r) {
        return new AlertRuleView(
                r.id(),
                r.name(),
                r.metric(),
                r.question(),
                r.filters(),
                r.window().toString(),
                r.baseline().toString(),
                r.minSample(),
                r.alpha(),
                r.minChange(),
                r.enabled(),
                r.revision(),
                r.createdBy(),
                r.createdAt(),
                r.updatedAt(),
                r.lastWindowTo());
    }
}
