package org.voc.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code voc.invitation.issued.v1} on {@value Topics#INVITATIONS}, keyed by invitation id: survey-service
 * invited a customer. Delivery adapters send {@code link} through {@code deliveryChannel}; metrics count it as
 * the denominator of the response rate. The link carries the signed invitation token and stops working at
 * {@code expiresAt}.
 */
public record InvitationIssued(
        UUID invitationId,
        String interactionId,
        UUID surveyId,
        int surveyVersion,
        String touchpointKey,
        String channel,
        String segment,
        String customerRef,
        String locale,
        String deliveryChannel,
        String link,
        Instant issuedAt,
        Instant expiresAt) {

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<InvitationIssued> TYPE = EventType.of(
            Topics.INVITATIONS,
            "voc.invitation.issued.v1",
            InvitationIssued.class,
            i -> i.invitationId().toString());
}
