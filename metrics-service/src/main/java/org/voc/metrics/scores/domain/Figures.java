package org.voc.metrics.scores.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import org.voc.metrics.stats.Interval;
import org.voc.metrics.stats.Intervals;
import org.voc.metrics.stats.Moments;

/**
 * What a metric reports for one set of values: {@code value} (NPS in points, CSAT % satisfied, a mean otherwise)
 * with its interval, and the metric's own figures; null where they do not apply. {@code value} is null for n = 0.
 */
public record Figures(
        long n,
        Double value,
        Interval interval,
        boolean insufficientSample,
        Long promoters,
        Long passives,
        Long detractors,
        Share promotersShare,
        Share passivesShare,
        Share detractorsShare,
        Map<Integer, Long> distribution,
        Share satisfied,
        Share problem,
        Share highEffort,
        Double mean,
        Map<String, Double> parts) {

    /** Two-sided confidence level of every interval. */
    public static final double CONFIDENCE_LEVEL = 0.95;

    /** A count among n as a percentage with its Wilson interval. */
    public record Share(long count, double percent, Interval interval) {

        static Share of(long count, long n) {
            if (n == 0) {
                return null;
            }
            return new Share(
                    count,
                    100.0 * count / n,
                    Intervals.wilson(count, n, CONFIDENCE_LEVEL).times(100));
        }
    }

    public static Figures of(Metric metric, Tally t, int minSample) {
        long n = t.n();
        boolean insufficient = n < minSample;
        Figures blank = new Figures(
                n, null, null, insufficient, null, null, null, null, null, null, null, null, null, null, null, null);
        return switch (metric) {
            case NPS -> nps(t, blank);
            case CSAT -> csat(t, blank);
            case CES -> ces(t, blank);
            case CLI -> cli(t, blank);
            case CLI_REPURCHASE, CLI_CROSS_BUY, RATING -> mean(metric, t, blank);
        };
    }

    private static Figures nps(Tally t, Figures b) {
        long n = t.n();
        long promoters = t.count(9, 10);
        long passives = t.count(7, 8);
        long detractors = t.count(0, 6);
        Double value = n == 0 ? null : 100.0 * (promoters - detractors) / n;
        Interval interval = n == 0
                ? null
                : Intervals.nps(n, promoters, detractors, CONFIDENCE_LEVEL).times(100);
        return new Figures(
                n,
                value,
                interval,
                b.insufficientSample,
                promoters,
                passives,
                detractors,
                Share.of(promoters, n),
                Share.of(passives, n),
                Share.of(detractors, n),
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static Figures csat(Tally t, Figures b) {
        Share satisfied = Share.of(t.count(4, 5), t.n());
        return new Figures(
                t.n(),
                satisfied == null ? null : satisfied.percent(),
                satisfied == null ? null : satisfied.interval(),
                b.insufficientSample,
                null,
                null,
                null,
                null,
                null,
                null,
                distribution(t, 1, 5),
                satisfied,
                Share.of(t.count(1, 2), t.n()),
                null,
                mean(t, 1),
                null);
    }

    private static Figures ces(Tally t, Figures b) {
        return new Figures(
                t.n(),
                mean(t, 1),
                Intervals.mean(t.moments(1), CONFIDENCE_LEVEL),
                b.insufficientSample,
                null,
                null,
                null,
                null,
                null,
                null,
                distribution(t, 1, 7),
                null,
                null,
                Share.of(t.count(5, 7), t.n()),
                mean(t, 1),
                null);
    }

    private static Figures cli(Tally t, Figures b) {
        Map<String, Double> parts = null;
        if (t.n() > 0) {
            parts = new LinkedHashMap<>();
            parts.put("nps", (double) t.cliParts()[0] / t.n());
            parts.put("repurchase", (double) t.cliParts()[1] / t.n());
            parts.put("crossBuy", (double) t.cliParts()[2] / t.n());
        }
        return new Figures(
                t.n(),
                mean(t, 3),
                Intervals.mean(t.moments(3), CONFIDENCE_LEVEL),
                b.insufficientSample,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                mean(t, 3),
                parts);
    }

    private static Figures mean(Metric metric, Tally t, Figures b) {
        return new Figures(
                t.n(),
                mean(t, 1),
                Intervals.mean(t.moments(1), CONFIDENCE_LEVEL),
                b.insufficientSample,
                null,
                null,
                null,
                null,
                null,
                null,
                metric.binned() ? distribution(t, metric.min(), metric.max()) : ratingDistribution(metric, t),
                null,
                null,
                null,
                mean(t, 1),
                null);
    }

    private static Double mean(Tally t, double divisor) {
        return t.n() == 0 ? null : t.moments(divisor).mean();
    }

    /**
     * A rating's distribution (the scores given, with their counts) when every value lies in 0..10, the bins the
     * roll-ups keep; null for wider scales, which report their mean only.
     */
    private static Map<Integer, Long> ratingDistribution(Metric metric, Tally t) {
        if (metric != Metric.RATING || t.n() == 0 || t.count(0, Tally.BINS - 1) != t.n()) {
            return null;
        }
        Map<Integer, Long> counts = new LinkedHashMap<>();
        for (int score = 0; score < Tally.BINS; score++) {
            if (t.bins()[score] > 0) {
                counts.put(score, t.bins()[score]);
            }
        }
        return counts;
    }

    private static Map<Integer, Long> distribution(Tally t, int min, int max) {
        Map<Integer, Long> counts = new LinkedHashMap<>();
        for (int score = min; score <= max; score++) {
            counts.put(score, t.bins()[score]);
        }
        return counts;
    }

    /** The moments of the metric's values (CLI on its 0..10 scale). */
    public static Moments moments(Metric metric, Tally t) {
        return t.moments(metric == Metric.CLI ? 3 : 1);
    }
}
