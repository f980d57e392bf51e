package org.voc.touchpoint.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.voc.touchpoint.domain.JourneyService;
import org.voc.touchpoint.persistence.JourneyEntity;

/** A journey as the API shows it; {@code revision} is also the ETag. */
public record JourneyView(UUID id, String key, String name, String description, List<JourneyRequest.Stage> stages,
        long revision, Instant createdAt, Instant updatedAt) {

    static JourneyView of(JourneyEntity e, JourneyService service) {
        return new JourneyView(e.id, e.key, e.name, e.description, service.stages(e).stream()
                .map(s -> new JourneyRequest.Stage(s.name(), s.touchpointKeys())).toList(),
                e.version, e.createdAt, e.updatedAt);
    }
}
