package org.voc.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@value EventTypes#TOUCHPOINT_STATE_V1} on {@value Topics#TOUCHPOINTS}: the whole current state of one touchpoint.
 * Consumers keep the state with the highest {@code revision} and ignore older ones.
 */
public record TouchpointState(
        UUID id,
        String key,
        String name,
        String channel,
        String journeyStage,
        String signalKind,
        List<String> segments,
        String product,
        String ownerTeam,
        String status,
        long revision,
        Instant updatedAt) {
}
