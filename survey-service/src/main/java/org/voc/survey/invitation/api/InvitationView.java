package org.voc.survey.invitation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.voc.kit.privacy.Disclosure;
import org.voc.survey.invitation.domain.Invitation;

/**
 * An invitation. {@code link} (with the signed token) is returned once, in the intake's answer that issued it (and
 * in {@code voc.invitation.issued.v1}); it is not stored, so no later read can show it.
 * {@code customerRef} is a pseudonym on reads by callers without voc-pii.
 */
public record InvitationView(
        UUID id,
        String interactionId,
        UUID surveyId,
        int surveyVersion,
        String touchpointKey,
        String channel,
        String segment,
        String customerRef,
        String locale,
        String deliveryChannel,
        Instant occurredAt,
        Instant issuedAt,
        Instant expiresAt,
        String status,
        Instant expiredAt,
        Instant revokedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String link) {

    public static InvitationView of(Invitation v, boolean withLink, Disclosure disclosure) {
        return new InvitationView(
                v.id(),
                v.interactionId(),
                v.surveyId(),
                v.surveyVersion(),
                v.touchpointKey(),
                v.channel(),
                v.segment(),
                disclosure.customerRef(v.customerRef()),
                v.locale(),
                v.deliveryChannel().name(),
                v.occurredAt(),
                v.issuedAt(),
                v.expiresAt(),
                v.status(),
                v.expiredAt(),
                v.revokedAt(),
                withLink ? v.link() : null);
    }
}
