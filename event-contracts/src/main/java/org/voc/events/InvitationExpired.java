package org.voc.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@value EventTypes#INVITATION_EXPIRED_V1} on {@value Topics#INVITATIONS}, keyed by invitation id: the invitation's
 * link stopped working at {@code expiredAt}. Published once per invitation, shortly after it expires.
 */
public record InvitationExpired(
        UUID invitationId,
        UUID surveyId,
        int surveyVersion,
        String touchpointKey,
        String customerRef,
        Instant expiredAt) {
}
