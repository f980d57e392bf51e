package org.voc.cases.sla;

import java.time.Instant;
import java.util.UUID;

/** A clock of a case that ran out: which case, which clock, when it was due and when the scheduler marked it. */
public record Breach(
        UUID caseId,
        String team,
        String touchpointKey,
        String priority,
        CaseClock clock,
        Instant dueAt,
        Instant breachedAt) {}
