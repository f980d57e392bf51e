package org.voc.metrics.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Confidence intervals for the three kinds of figure the metrics report: a net score (NPS), a proportion and a
 * mean. Pure functions of counts and sums, so they are tested against worked values without a container.
 */
public final class Intervals {

    private Intervals() {}

    private static final double Z_95 = quantile(0.95);

    /** The normal quantile z(1 − α/2) of a two-sided interval at this confidence level, e.g. 1.95996 for 0.95. */
    public static double z(double confidenceLevel) {
        // every figure is at 95 %: its quantile is computed once, not per interval of a long series
        return confidenceLevel == 0.95 ? Z_95 : quantile(confidenceLevel);
    }

    private static double quantile(double confidenceLevel) {
        return new NormalDistribution().inverseCumulativeProbability(1 - (1 - confidenceLevel) / 2);
    }

    /**
     * Adjusted-Wald interval of an NPS as a difference of two proportions (Rocks 2016, The American Statistician
     * 70(4); MeasuringU "Three ways to compute a confidence interval for the NPS"): add 3 to n and ¾ to each of
     * promoters and detractors, then p̂ − d̂ ± z·sqrt((p̂ + d̂ − (p̂ − d̂)²)/n̂). The interval is centred on the
     * adjusted NPS, so it is never ±0, not even for n = 1 (the plain Wald interval's blind spot), and it is clipped
     * to [−1, 1]. In units of the proportion scale (−1..1); null for n = 0.
     */
    public static Interval nps(long n, long promoters, long detractors, double confidenceLevel) {
        if (n <= 0) {
            return null;
        }
        double adjustedN = n + 3.0;
        double p = (promoters + 0.75) / adjustedN;
        double d = (detractors + 0.75) / adjustedN;
        double centre = p - d;
        double margin = z(confidenceLevel) * Math.sqrt((p + d - centre * centre) / adjustedN);
        return new Interval(Math.max(-1, centre - margin), Math.min(1, centre + margin), margin);
    }

    /**
     * Wilson score interval of a proportion x/n (Wilson 1927; Newcombe 1998, Statistics in Medicine 17, method
     * 3): (p + z²/2n ± z·sqrt(p(1 − p)/n + z²/4n²)) / (1 + z²/n). Stays inside [0, 1] and is not degenerate at
     * x = 0 or x = n. Null for n = 0.
     */
    public static Interval wilson(long successes, long n, double confidenceLevel) {
        if (n <= 0) {
            return null;
        }
        double z = z(confidenceLevel);
        double p = (double) successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return Interval.between(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /**
     * Student-t interval of a mean from the sums of the values and of their squares: mean ± t(n − 1)·s/√n. Null
     * below n = 2, where the sample has no variance to speak of.
     */
    public static Interval mean(Moments moments, double confidenceLevel) {
        if (moments.n() < 2) {
            return null;
        }
        double t = new TDistribution(moments.n() - 1.0).inverseCumulativeProbability(1 - (1 - confidenceLevel) / 2);
        return Interval.around(moments.mean(), t * Math.sqrt(moments.variance() / moments.n()));
    }
}
