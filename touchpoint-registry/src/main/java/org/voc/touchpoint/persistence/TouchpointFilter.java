package org.voc.touchpoint.persistence;

import org.voc.touchpoint.domain.Channel;
import org.voc.touchpoint.domain.JourneyStage;
import org.voc.touchpoint.domain.TouchpointStatus;

/** Optional listing filters; a null component does not filter. */
public record TouchpointFilter(Channel channel, JourneyStage journeyStage, String segment, String ownerTeam,
        TouchpointStatus status) {
}
