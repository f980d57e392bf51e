package org.voc.metrics.funnel.api;

import java.time.OffsetDateTime;
import org.voc.metrics.funnel.domain.Dimension;
import org.voc.metrics.funnel.domain.FunnelCounts;
import org.voc.metrics.funnel.domain.FunnelRow;
import org.voc.metrics.stats.Intervals;

/**
 * The funnel of the invitations issued in one period (null for the whole range) and group (a dimension not grouped
 * by is null, as is a channel or delivery channel the invitations did not have). Rates are fractions of the issued
 * invitations, rounded to four decimals, null when none was issued.
 */
public record FunnelRowView(
        OffsetDateTime period,
        String survey,
        String touchpoint,
        String channel,
        String deliveryChannel,
        long issued,
        long opened,
        long answered,
        long expired,
        long stillOpen,
        Double openRate,
        Double responseRate,
        Interval responseRateInterval) {

    /** A confidence interval of a rate, rounded to four decimals. */
    public record Interval(double lower, double upper) {}

    static FunnelRowView of(FunnelRow row) {
        FunnelCounts c = row.counts();
        org.voc.metrics.stats.Interval wilson =
                Intervals.wilson(c.answered(), c.issued(), FunnelResource.CONFIDENCE_LEVEL);
        return new FunnelRowView(
                row.period(),
                row.group().get(Dimension.SURVEY),
                row.group().get(Dimension.TOUCHPOINT),
                blankAsNull(row.group().get(Dimension.CHANNEL)),
                blankAsNull(row.group().get(Dimension.DELIVERY_CHANNEL)),
                c.issued(),
                c.opened(),
                c.answered(),
                c.expired(),
                c.stillOpen(),
                rate(c.opened(), c.issued()),
                rate(c.answered(), c.issued()),
                wilson == null ? null : new Interval(round(wilson.low()), round(wilson.high())));
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole);
    }

    private static double round(double fraction) {
        return Math.round(fraction * 1e4) / 1e4;
    }

    private static String blankAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
