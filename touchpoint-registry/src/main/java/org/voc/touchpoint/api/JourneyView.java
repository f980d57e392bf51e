package org.voc.touchpoint.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.voc.touchpoint.domain.Journey;

/** A journey as the API shows it; {@code revision} is also the ETag. */
public record JourneyView(
        UUID id,
        String key,
        String name,
        String description,
        List<JourneyRequest.Stage> stages,
        long revision,
        Instant createdAt,
        Instant updatedAt) {

    static JourneyView of(Journey j) {
        return new JourneyView(
                j.id(),
                j.key(),
                j.name(),
                j.description(),
                j.stages().stream()
                        .map(s -> new JourneyRequest.Stage(s.name(), s.touchpointKeys()))
                        .toList(),
                j.revision(),
                j.createdAt(),
                j.updatedAt());
    }
}
