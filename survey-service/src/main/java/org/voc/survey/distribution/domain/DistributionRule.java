package org.voc.survey.distribution.domain;

import java.time.Duration;
import java.util.List;
import org.voc.survey.invitation.domain.DeliveryChannel;

/**
 * When an interaction invites to the survey: its touchpoint is one of {@code touchpointKeys}, its channel one of
 * {@code channels} and its segment one of {@code segments} (empty = any). {@code samplingRate} of the matching
 * interactions are invited, through {@code deliveryChannel}, with a link valid for {@code invitationTtl}. When
 * several rules of different surveys match, the highest {@code priority} is tried first.
 */
public record DistributionRule(
        List<String> touchpointKeys,
        List<String> channels,
        List<String> segments,
        double samplingRate,
        Duration invitationTtl,
        DeliveryChannel deliveryChannel,
        int priority) {

    public boolean matches(String touchpointKey, String channel, String segment) {
        return touchpointKeys.contains(touchpointKey)
                && (channels.isEmpty() || channels.contains(channel))
                && (segments.isEmpty() || segment != null && segments.contains(segment));
    }
}
