package org.voc.touchpoint.api;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.voc.touchpoint.domain.Channel;
import org.voc.touchpoint.domain.ExternalRef;
import org.voc.touchpoint.domain.JourneyStage;
import org.voc.touchpoint.domain.SignalKind;
import org.voc.touchpoint.domain.TouchpointStatus;
import org.voc.touchpoint.persistence.TouchpointEntity;

/** A touchpoint as the API shows it; {@code revision} is also the ETag. */
public record TouchpointView(UUID id, String key, String name, String description, Channel channel,
        JourneyStage journeyStage, SignalKind signalKind, List<String> segments, String product, String ownerTeam,
        TouchpointStatus status, TouchpointRequest.RaciBody raci, List<String> tags,
        List<TouchpointRequest.ExternalRefBody> externalRefs, long revision, Instant createdAt, Instant updatedAt) {

    static TouchpointView of(TouchpointEntity e) {
        return new TouchpointView(e.id, e.key, e.name, e.description, e.channel, e.journeyStage, e.signalKind,
                List.of(e.segments), e.product, e.ownerTeam, e.status,
                new TouchpointRequest.RaciBody(List.of(e.responsible), List.of(e.accountable), List.of(e.consulted),
                        List.of(e.informed)),
                List.of(e.tags),
                Arrays.stream(e.externalRefs).map(ExternalRef::decode)
                        .map(r -> new TouchpointRequest.ExternalRefBody(r.system(), r.ref())).toList(),
                e.version, e.createdAt, e.updatedAt);
    }
}
