package org.voc.events;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code voc.invitation.revoked.v1} on {@value Topics#INVITATION_REVOCATIONS}, keyed by invitation id: an operator
 * withdrew one invitation (a link sent to the wrong person, a leaked link). Its token stops working wherever this
 * event has arrived; response-service refuses it with 410.
 */
public record InvitationRevoked(
        @NotNull UUID invitationId,
        UUID surveyId,
        int surveyVersion,
        String customerRef,
        @NotNull Instant revokedAt) {

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<InvitationRevoked> TYPE = EventType.of(
            Topics.INVITATION_REVOCATIONS,
            "voc.invitation.revoked.v1",
            InvitationRevoked.class,
            i -> i.invitationId().toString());
}
