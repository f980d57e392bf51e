package org.voc.response.verbatims.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.voc.response.domain.Answer;

/**
 * A stored response as search and export read it, in clear; the API decides what the caller sees of it.
 * {@code segment}, {@code employeeRef} and {@code processRef} are the interaction's dimensions (null when unknown).
 * {@code erased} marks a response anonymised by an erasure: its customer and texts are gone, its scores stay.
 */
public record Verbatim(
        UUID id,
        UUID surveyId,
        int surveyVersion,
        String touchpointKey,
        String channel,
        String customerRef,
        boolean erased,
        Instant respondedAt,
        Instant receivedAt,
        Integer nps,
        List<Answer> answers,
        UUID invitationId,
        String segment,
        String employeeRef,
        String processRef) {}
