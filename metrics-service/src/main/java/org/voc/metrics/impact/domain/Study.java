package org.voc.metrics.impact.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The measurement of one improvement action marked DONE: its metric at its touchpoints over the window before the
 * done date against the window after it. Once the after window has closed (and settled) it carries the verdict;
 * before that, read one by one, it carries the comparison so far ({@code interim}: the after window cut at the time
 * of reading) and no verdict. {@code dueAt} is when the verdict is taken. In a list, a pending study has no windows.
 */
public record Study(
        UUID actionId,
        String title,
        String ownerTeam,
        List<String> touchpointKeys,
        String metric,
        String question,
        Double target,
        Instant doneAt,
        int windowDays,
        int minSample,
        Instant receivedAt,
        Instant dueAt,
        boolean interim,
        Instant assessedAt,
        Window before,
        Window after,
        Double difference,
        Double pValue,
        double alpha,
        Boolean insufficientSample,
        Verdict verdict,
        Boolean targetMet) {

    /** What the comparison found (the values of {@code voc.action.impact.v1}). */
    public enum Verdict {
        IMPROVED,
        NO_SIGNIFICANT_CHANGE,
        WORSE
    }

    /**
     * One window [from, to): its responses, the metric's value and its 95 % confidence interval (lower, upper) as
     * the metric endpoints report them; value and interval are null when n is 0, the interval also for a mean of
     * one value.
     */
    public record Window(Instant from, Instant to, long n, Double value, Double lower, Double upper) {}
}
