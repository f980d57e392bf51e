package org.voc.touchpoint.domain;

/** Optional listing filters; a null component does not filter. {@code text} searches key, name and description. */
public record TouchpointFilter(
        Channel channel,
        JourneyStage journeyStage,
        String segment,
        String ownerTeam,
        TouchpointStatus status,
        SignalKind signalKind,
        String tag,
        String text) {

    public TouchpointFilter(
            Channel channel, JourneyStage journeyStage, String segment, String ownerTeam, TouchpointStatus status) {
        this(channel, journeyStage, segment, ownerTeam, status, null, null, null);
    }
}
