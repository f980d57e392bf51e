package org.voc.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * {@code voc.invitation-key.retired.v1} on {@value Topics#INVITATION_REVOCATIONS}, keyed by key id: an operator
 * retired an invitation signing key before its time (after a leak). Every token it signed stops working wherever
 * this event has arrived; the key has already left the public JWKS.
 */
public record InvitationKeyRetired(
        @NotBlank String kid, @NotNull Instant retiredAt) {

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<InvitationKeyRetired> TYPE = EventType.of(
            Topics.INVITATION_REVOCATIONS, "voc.invitation-key.retired.v1", InvitationKeyRetired.class, k -> k.kid());
}
