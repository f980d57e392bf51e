package org.voc.survey.invitation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.voc.kit.privacy.Disclosure;
import org.voc.survey.invitation.domain.Invitation;

/**
 * An invitation. {@code link} (with the signed token) is returned only to the intake caller, which delivers it;
 * analysts' reads leave it out. {@code customerRef} is a pseudonym on reads by callers without voc-pii.
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
                withLink ? v.link() : null);
    }
}
