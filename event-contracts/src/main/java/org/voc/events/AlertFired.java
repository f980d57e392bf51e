package org.voc.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code voc.alert.fired.v1} on {@value Topics#ALERTS}, keyed by alert rule id: a metric got significantly worse in
 * a rule's window against its baseline. Published once per alert: while the drop lasts the alert stays open and
 * nothing more is published; {@link AlertResolved} ends it.
 *
 * <p>{@code current} and {@code baseline} are the metric's headline value (NPS, CSAT % satisfied, CES mean, CLI
 * mean, rating mean) with their sample sizes; {@code difference} is current − baseline; {@code pValue} comes from
 * the metric's two-sample test (docs/metrics.md).
 */
public record AlertFired(
        @NotNull UUID alertId,
        @NotNull UUID ruleId,
        @NotBlank String ruleName,
        @NotBlank String metric,
        String question,
        Map<String, List<String>> filters,
        @NotNull Instant windowFrom,
        @NotNull Instant windowTo,
        @NotNull Instant baselineFrom,
        @NotNull Instant baselineTo,
        long currentN,
        Double current,
        long baselineN,
        Double baseline,
        Double difference,
        Double pValue,
        @NotNull Instant firedAt) {

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<AlertFired> TYPE = EventType.of(
            Topics.ALERTS,
            "voc.alert.fired.v1",
            AlertFired.class,
            a -> a.ruleId().toString());
}
