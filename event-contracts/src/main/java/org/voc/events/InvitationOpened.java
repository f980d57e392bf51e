package org.voc.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code voc.invitation.opened.v1} on {@value Topics#INVITATIONS}, keyed by invitation id: the respondent first
 * looked at the invitation's survey, on the hosted page ({@code via} {@code PAGE}) or through the respondent API
 * ({@code API}). response-service publishes it once per invitation, whatever the number of views; the response-rate
 * funnel counts it as the "opened" step. Carries no customer reference and no token.
 */
public record InvitationOpened(
        @NotNull UUID invitationId,
        @NotNull UUID surveyId,
        int surveyVersion,
        @NotBlank String touchpointKey,
        String channel,
        @NotBlank String via,
        @NotNull Instant openedAt) {

    /** Opened on the hosted survey page {@code /s/{token}}. */
    public static final String VIA_PAGE = "PAGE";
    /** Opened by a GET of {@code /api/respond/{token}} (an app or a widget). */
    public static final String VIA_API = "API";

    /** The type of this event: topic, {@code ce_type} and record key. */
    public static final EventType<InvitationOpened> TYPE = EventType.of(
            Topics.INVITATIONS,
            "voc.invitation.opened.v1",
            InvitationOpened.class,
            o -> o.invitationId().toString());
}
