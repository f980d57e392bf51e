package org.voc.touchpoint.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A customer journey as the domain hands it out: ordered stages, each holding touchpoint keys. */
public record Journey(
        UUID id,
        String key,
        String name,
        String description,
        List<Stage> stages,
        long revision,
        Instant createdAt,
        Instant updatedAt) {

    /** One stage of a journey, in journey order. */
    public record Stage(String name, List<String> touchpointKeys) {}

    /** Every touchpoint key the journey holds, in any stage. */
    public Set<String> touchpointKeys() {
        return stages.stream().flatMap(s -> s.touchpointKeys().stream()).collect(Collectors.toSet());
    }
}
