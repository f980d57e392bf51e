package org.voc.cases.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.cases.domain.Case;
import org.voc.cases.domain.CasePriority;
import org.voc.cases.domain.CaseStatus;

/** A case as the API shows it. */
public record CaseView(
        UUID id,
        UUID responseId,
        UUID surveyId,
        String touchpointKey,

        @Schema(description = "Owner team of the touchpoint; null until the touchpoint is known")
        String team,

        String customerRef,
        int nps,

        @Schema(description = "The customer's first free-text answer, if any")
        String comment,

        CasePriority priority,
        CaseStatus status,
        Instant openedAt,
        Instant respondedAt,

        @Schema(description = "openedAt plus the SLA of the priority")
        Instant dueAt) {

    static CaseView of(Case c) {
        return new CaseView(
                c.id(),
                c.responseId(),
                c.surveyId(),
                c.touchpointKey(),
                c.team(),
                c.customerRef(),
                c.nps(),
                c.comment(),
                c.priority(),
                c.status(),
                c.openedAt(),
                c.respondedAt(),
                c.dueAt());
    }
}
