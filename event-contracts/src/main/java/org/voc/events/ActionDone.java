package org.voc.events;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code voc.action.done.v1} on {@value Topics#ACTIONS}, keyed by action id: an improvement action (outer loop) was
 * marked DONE, effective {@code doneAt} (the day the fix went live, which may be in the past). metrics-service measures
 * its effect: {@code metric} (and {@code question} for a rating) at {@code touchpointKeys} over the {@code windowDays}
 * before {@code doneAt} against the {@code windowDays} after it, and answers with {@link ActionImpactAssessed} once the
 * second window has closed. {@code minSample} is the smallest n per window for a verdict other than "no significant
 * change"; {@code target} the value the action's owners expect the metric to reach (null when none was set).
 *
 * <p>An action marked DONE again (after being reopened) is published again with its new {@code doneAt}; the
 * measurement of the earlier one is dropped.
 */
public record ActionDone(
        @NotNull UUID actionId,
        @NotBlank String title,
        String ownerTeam,
        @NotEmpty List<@NotBlank String> touchpointKeys,
        @NotBlank String metric,
        String question,
        Double target,
        @NotNull Instant doneAt,
        @Positive @Max(366) int windowDays,
        @Positive int minSample) {

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<ActionDone> TYPE = EventType.of(
            Topics.ACTIONS,
            "voc.action.done.v1",
            ActionDone.class,
            e -> e.actionId().toString());
}
