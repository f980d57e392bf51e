package org.voc.cases.persistence;

import java.time.Instant;
import java.util.UUID;

import org.voc.cases.domain.CasePriority;
import org.voc.cases.domain.CaseStatus;

/** A case about to be inserted; {@code team} is null while the touchpoint's owner is not known. */
public record NewCase(UUID id, UUID responseId, UUID surveyId, String touchpointKey, String team,
        String customerRef, int nps, String comment, CasePriority priority, CaseStatus status, Instant openedAt,
        Instant respondedAt, Instant dueAt) {
}
