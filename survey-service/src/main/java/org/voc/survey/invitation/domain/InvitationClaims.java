package org.voc.survey.invitation.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What an invitation token binds (docs/invitations.md): the respondent may answer this survey version, about this
 * touchpoint and channel, as this pseudonymous customer, in this locale, until {@code expiresAt}. {@code segment},
 * {@code employeeRef} and {@code processRef} are the interaction's dimensions (null when the interaction had none),
 * carried so that the response is counted under them without response-service asking anyone.
 */
public record InvitationClaims(
        UUID invitationId,
        UUID surveyId,
        int surveyVersion,
        String touchpointKey,
        String channel,
        String customerRef,
        String locale,
        Instant issuedAt,
        Instant expiresAt,
        String segment,
        String employeeRef,
        String processRef) {}
