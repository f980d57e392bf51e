package org.voc.cases.domain;

/**
 * The closed-loop KPIs of a set of cases (docs/cases.md, "KPIs"). Shares are of the cases whose clock has been
 * judged (met or missed); hours are business hours, percentiles interpolated ({@code percentile_cont}).
 */
public record CaseKpis(
        long opened,
        ClockKpis firstContact,
        ClockKpis resolution,
        Backlog backlog,
        PerClock breaches,
        PerClock escalations,
        Recovery recovery) {

    /**
     * One SLA clock over the cases opened in the window: {@code met} within its due time, {@code missed} after it
     * or not at all while it has passed, {@code pending} neither yet (not due, or waiting on the customer: left out
     * of the share); {@code withinSla} is met / (met + missed), null when both are zero; the median and p90 of the
     * business hours the clock took, over the cases that met it late or early, null when none has.
     */
    public record ClockKpis(
            long met, long missed, long pending, Double withinSla, Double medianHours, Double p90Hours) {}

    /** Unfinished cases (not RESOLVED or CLOSED) by wall-clock age since opening, as of now. */
    public record Backlog(
            long total, long underOneDay, long oneToThreeDays, long threeToSevenDays, long overSevenDays) {}

    /**
     * Recovery re-surveys asked for in the window (docs/improvement.md): {@code requested} when the cases were
     * closed, {@code answered} by the customer so far, {@code recovered} among them (NPS 7 or more, or CSAT 4 or
     * more); {@code rate} is recovered / answered, null while none has answered.
     */
    public record Recovery(long requested, long answered, long recovered, Double rate) {}

    /** A count per SLA clock. */
    public record PerClock(long firstContact, long resolution) {}

    /** The figures of no case at all. */
    public static CaseKpis none() {
        ClockKpis nothing = new ClockKpis(0, 0, 0, null, null, null);
        return new CaseKpis(
                0,
                nothing,
                nothing,
                new Backlog(0, 0, 0, 0, 0),
                new PerClock(0, 0),
                new PerClock(0, 0),
                new Recovery(0, 0, 0, null));
    }
}
