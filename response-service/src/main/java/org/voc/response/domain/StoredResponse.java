package org.voc.response.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An accepted response as stored; {@code requestHash} fingerprints the body it was submitted with,
 * {@code invitationId} names the invitation it answers (null for an uninvited response), {@code dimensions} those of
 * the interaction behind it (each null when unknown).
 */
public record StoredResponse(
        UUID id,
        UUID surveyId,
        int surveyVersion,
        String touchpointKey,
        String channel,
        String customerRef,
        Instant respondedAt,
        Instant receivedAt,
        Integer nps,
        List<Answer> answers,
        String requestHash,
        UUID invitationId,
        Dimensions dimensions) {}
