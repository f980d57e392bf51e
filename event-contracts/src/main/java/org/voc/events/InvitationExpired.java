package org.voc.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code voc.invitation.expired.v1} on {@value Topics#INVITATIONS}, keyed by invitation id: the invitation's
 * link stopped working at {@code expiredAt}. Published once per invitation, shortly after it expires.
 */
public record InvitationExpired(
        UUID invitationId,
        UUID surveyId,
        int surveyVersion,
        String touchpointKey,
        String customerRef,
        Instant expiredAt) {

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<InvitationExpired> TYPE = EventType.of(
            Topics.INVITATIONS,
            "voc.invitation.expired.v1",
            InvitationExpired.class,
            i -> i.invitationId().toString());
}
