package org.voc.cases.domain;

import java.time.Instant;
import java.util.UUID;

/** One closed-loop case; {@code team} is null while the touchpoint's owner is not known. */
public record Case(
        UUID id,
        UUID responseId,
        UUID surveyId,
        String touchpointKey,
        String team,
        String customerRef,
        int nps,
        String comment,
        CasePriority priority,
        CaseStatus status,
        Instant openedAt,
        Instant respondedAt,
        Instant dueAt) {}
