package org.voc.survey.invitation.domain;

import java.time.Instant;
import java.util.UUID;

/** An invitation already issued to the customer, at the time of the interaction that caused it. */
public record PastInvitation(UUID surveyId, Instant occurredAt) {}
