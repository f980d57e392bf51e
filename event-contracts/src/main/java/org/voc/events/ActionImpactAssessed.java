package org.voc.events;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code voc.action.impact.v1} on {@value Topics#IMPACT}, keyed by action id: metrics-service's verdict on an
 * improvement action marked DONE ({@link ActionDone} with the same {@code doneAt}). {@code before} is [doneAt −
 * window, doneAt), {@code after} [doneAt, doneAt + window), each with its n, the metric's value and its confidence
 * interval; {@code difference} is after − before and {@code pValue} the two-sided p-value of the metric's two-sample
 * test (docs/metrics.md). {@code verdict} is {@code IMPROVED} or {@code WORSE} when the change is significant at
 * {@code alpha} (for CES lower is better), otherwise {@code NO_SIGNIFICANT_CHANGE}, which it always is when either
 * window holds fewer than the action's minimum sample ({@code insufficientSample}). {@code targetMet} says whether
 * the after window reached the action's target (null without one).
 */
public record ActionImpactAssessed(
        @NotNull UUID actionId,
        @NotNull Instant doneAt,
        @NotBlank String metric,
        String question,
        @NotEmpty List<@NotBlank String> touchpointKeys,
        @NotNull @Valid Window before,
        @NotNull @Valid Window after,
        Double difference,
        Double pValue,
        double alpha,
        boolean insufficientSample,
        @NotNull Verdict verdict,
        Boolean targetMet,
        @NotNull Instant assessedAt) {

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<ActionImpactAssessed> TYPE = EventType.of(
            Topics.IMPACT,
            "voc.action.impact.v1",
            ActionImpactAssessed.class,
            e -> e.actionId().toString());

    /** What the comparison found. */
    public enum Verdict {
        IMPROVED,
        NO_SIGNIFICANT_CHANGE,
        WORSE
    }

    /** One window [from, to): its sample size, the metric's value and its confidence interval (null when n is 0). */
    public record Window(
            @NotNull Instant from,
            @NotNull Instant to,
            @PositiveOrZero long n,
            Double value,
            Double lower,
            Double upper) {}
}
