package org.voc.cases.sla;

import java.time.Instant;
import java.util.UUID;

/**
 * A breach whose next ladder step may be due, claimed by one sweep, with what the escalation needs of its case:
 * {@code nextStep} is the place (1 first) of the next step to fire; {@code met} says the clock was met since (first
 * contact made, or case resolved) and {@code status} whether the case waits or is finished.
 */
public record OpenBreach(
        UUID caseId,
        CaseClock clock,
        Instant breachedAt,
        int nextStep,
        String team,
        String touchpointKey,
        String status,
        boolean met) {}
