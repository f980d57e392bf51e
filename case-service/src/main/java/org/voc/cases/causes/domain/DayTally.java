package org.voc.cases.causes.domain;

import java.time.LocalDate;

/**
 * The responses of one touchpoint ({@code ""} for responses without one) on one UTC day of their respondedAt: how
 * many, how many answered NPS, and how those split into promoters (9–10), passives (7–8) and detractors (0–6).
 */
public record DayTally(
        String touchpointKey,
        LocalDate day,
        long responses,
        long npsAnswers,
        long promoters,
        long passives,
        long detractors) {}
