package org.voc.survey.invitation.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An invitation to answer one survey version, issued for one interaction. {@code status} is ISSUED until
 * {@code expiresAt}, then EXPIRED, unless an operator REVOKED it first. {@code link} carries the signed token: only
 * the freshly issued invitation has them (they are not stored), an invitation read back has neither.
 */
public record Invitation(
        UUID id,
        String interactionId,
        UUID surveyId,
        int surveyVersion,
        String touchpointKey,
        String channel,
        String segment,
        String customerRef,
        String locale,
        DeliveryChannel deliveryChannel,
        Instant occurredAt,
        Instant issuedAt,
        Instant expiresAt,
        String status,
        Instant expiredAt,
        Instant revokedAt,
        String token,
        String link) {

    public static final String ISSUED = "ISSUED";
    public static final String EXPIRED = "EXPIRED";
    public static final String REVOKED = "REVOKED";

    /** This invitation with its signed token, and the link {@code linkBase + token}. */
    public Invitation signed(String token, String linkBase) {
        return new Invitation(
                id,
                interactionId,
                surveyId,
                surveyVersion,
                touchpointKey,
                channel,
                segment,
                customerRef,
                locale,
                deliveryChannel,
                occurredAt,
                issuedAt,
                expiresAt,
                status,
                expiredAt,
                revokedAt,
                token,
                linkBase + token);
    }
}
