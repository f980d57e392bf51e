package org.voc.touchpoint.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.voc.touchpoint.domain.Channel;
import org.voc.touchpoint.domain.JourneyStage;
import org.voc.touchpoint.domain.SignalKind;
import org.voc.touchpoint.domain.Touchpoint;
import org.voc.touchpoint.domain.TouchpointStatus;

/** A touchpoint as the API shows it; {@code revision} is also the ETag. */
public record TouchpointView(
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
        TouchpointRequest.RaciBody raci,
        List<String> tags,
        List<TouchpointRequest.ExternalRefBody> externalRefs,
        long revision,
        Instant createdAt,
        Instant updatedAt) {

    static TouchpointView of(Touchpoint t) {
        return new TouchpointView(
                t.id(),
                t.key(),
                t.name(),
                t.description(),
                t.channel(),
                t.journeyStage(),
                t.signalKind(),
                t.segments(),
                t.product(),
                t.ownerTeam(),
                t.status(),
                TouchpointRequest.RaciBody.of(t.raci()),
                t.tags(),
                t.externalRefs().stream()
                        .map(r -> new TouchpointRequest.ExternalRefBody(r.system(), r.ref()))
                        .toList(),
                t.revision(),
                t.createdAt(),
                t.updatedAt());
    }
}
