package org.voc.touchpoint.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A registered touchpoint as the domain hands it out; {@code revision} is the optimistic-concurrency version. */
public record Touchpoint(
        UUID id,
        String key,
        String name,
        String description,
        Channel channel,
        JourneyStage journeyStage,
        SignalKind signalKind,
        List<String> segments,
        String product,
        String ownerTeam,
        TouchpointStatus status,
        Raci raci,
        List<String> tags,
        List<ExternalRef> externalRefs,
        long revision,
        Instant createdAt,
        Instant updatedAt) {}
