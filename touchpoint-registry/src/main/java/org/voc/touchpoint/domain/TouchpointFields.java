package org.voc.touchpoint.domain;

import java.util.List;

/** Field values of a touchpoint as the caller wants them (API body or one import row). */
public record TouchpointFields(
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
        List<ExternalRef> externalRefs) {}
