package org.voc.metrics.scores.domain;

import java.util.Arrays;
import org.voc.metrics.stats.Moments;

/**
 * The additive counts of a roll-up row or of a sum of rows: n values, their total and sum of squares, the count of
 * each score 0..10 (fixed scales) and, for CLI, the totals of its three parts. For CLI a value is the sum of the
 * response's three answers (0..30): the CLI is that divided by 3.
 */
public record Tally(long n, long total, long totalSq, long[] bins, long[] cliParts) {

    public static final int BINS = 11;

    public static Tally empty() {
        return new Tally(0, 0, 0, new long[BINS], new long[3]);
    }

    /** One value of a binned or RATING metric. */
    public static Tally of(Metric metric, int score) {
        long[] bins = new long[BINS];
        if (metric.binned() || metric == Metric.RATING && score >= 0 && score < BINS) {
            bins[score] = 1; // a rating on a 0..10 scale (most are) keeps its distribution too
        }
        return new Tally(1, score, (long) score * score, bins, new long[3]);
    }

    /** One CLI value from its three 0..10 answers. */
    public static Tally cli(int nps, int repurchase, int crossBuy) {
        int sum = nps + repurchase + crossBuy;
        return new Tally(1, sum, (long) sum * sum, new long[BINS], new long[] {nps, repurchase, crossBuy});
    }

    public Tally plus(Tally other) {
        long[] b = new long[BINS];
        long[] c = new long[3];
        for (int i = 0; i < BINS; i++) {
            b[i] = bins[i] + other.bins[i];
        }
        for (int i = 0; i < 3; i++) {
            c[i] = cliParts[i] + other.cliParts[i];
        }
        return new Tally(n + other.n, total + other.total, totalSq + other.totalSq, b, c);
    }

    /** Scores from {@code from} to {@code to} inclusive (bins of the fixed scales). */
    public long count(int from, int to) {
        long sum = 0;
        for (int i = from; i <= to; i++) {
            sum += bins[i];
        }
        return sum;
    }

    /** The moments of the metric's values, scaled by {@code 1/divisor} (3 for CLI). */
    public Moments moments(double divisor) {
        return new Moments(n, total / divisor, totalSq / (divisor * divisor));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tally t
                && n == t.n
                && total == t.total
                && totalSq == t.totalSq
                && Arrays.equals(bins, t.bins)
                && Arrays.equals(cliParts, t.cliParts);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(n) * 31 + Arrays.hashCode(bins);
    }

    @Override
    public String toString() {
        return "Tally[n=" + n + ", total=" + total + ", bins=" + Arrays.toString(bins) + "]";
    }
}
