package org.voc.metrics.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/** Significance tests for comparing two periods or two groups; every test is two-sided. */
public final class Tests {

    private static final NormalDistribution NORMAL = new NormalDistribution();

    private Tests() {}

    /**
     * Difference of two NPS (as proportions, −1..1) by a z-test from each NPS's trinomial variance
     * (p + d − (p − d)²)/n, the variance of a per-response score of +1/0/−1 (Rocks 2016, section 2).
     */
    public static Comparison nps(
            long n1, long promoters1, long detractors1, long n2, long promoters2, long detractors2, double alpha) {
        if (n1 == 0 || n2 == 0) {
            return Comparison.of("nps-z", Double.NaN, 0, alpha, null);
        }
        double p1 = (double) promoters1 / n1;
        double d1 = (double) detractors1 / n1;
        double p2 = (double) promoters2 / n2;
        double d2 = (double) detractors2 / n2;
        double v1 = (p1 + d1 - (p1 - d1) * (p1 - d1)) / n1;
        double v2 = (p2 + d2 - (p2 - d2) * (p2 - d2)) / n2;
        return Comparison.of("nps-z", (p1 - d1) - (p2 - d2), Math.sqrt(v1 + v2), alpha, null);
    }

    /** Two-proportion z-test with the pooled proportion under "no difference" (e.g. Agresti 2013, 3.1.3). */
    public static Comparison proportions(long x1, long n1, long x2, long n2, double alpha) {
        if (n1 == 0 || n2 == 0) {
            return Comparison.of("two-proportion-z", Double.NaN, 0, alpha, null);
        }
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        return Comparison.of("two-proportion-z", (double) x1 / n1 - (double) x2 / n2, se, alpha, null);
    }

    /** Welch's t-test of two means with the Welch–Satterthwaite degrees of freedom; both sides need n ≥ 2. */
    public static Comparison means(Moments first, Moments second, double alpha) {
        if (first.n() < 2 || second.n() < 2) {
            return Comparison.of("welch-t", Double.NaN, 0, alpha, null);
        }
        double a = first.variance() / first.n();
        double b = second.variance() / second.n();
        double df = (a + b) * (a + b) / (a * a / (first.n() - 1) + b * b / (second.n() - 1));
        return Comparison.of("welch-t", first.mean() - second.mean(), Math.sqrt(a + b), alpha, df);
    }

    static double normalTwoSided(double statistic) {
        return 2 * NORMAL.cumulativeProbability(-Math.abs(statistic));
    }

    static double studentTwoSided(double statistic, double df) {
        return 2 * new TDistribution(df).cumulativeProbability(-Math.abs(statistic));
    }
}
