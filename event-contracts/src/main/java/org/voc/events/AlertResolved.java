package org.voc.events;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code voc.alert.resolved.v1} on {@value Topics#ALERTS}, keyed by alert rule id: the drop of an alert that
 * {@link AlertFired} opened is no longer significant (or its rule was deleted, or too few responses remain to tell).
 */
public record AlertResolved(
        @NotNull UUID alertId,
        @NotNull UUID ruleId,
        @NotNull String reason,
        @NotNull Instant resolvedAt) {

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<AlertResolved> TYPE = EventType.of(
            Topics.ALERTS,
            "voc.alert.resolved.v1",
            AlertResolved.class,
            a -> a.ruleId().toString());
}
