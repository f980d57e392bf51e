package org.voc.metrics.funnel.domain;

/**
 * The Wilson score interval of a proportion (without continuity correction): unlike the normal approximation it
 * stays inside [0, 1] and is not zero-width at 0 or n successes, which matters for small cohorts.
 *
 * <p>Wilson, E. B. (1927), "Probable inference, the law of succession, and statistical inference", JASA 22:209–212;
 * method 3 in Newcombe, R. G. (1998), "Two-sided confidence intervals for the single proportion: comparison of seven
 * methods", Statistics in Medicine 17:857–872.
 */
public record Wilson(double lower, double upper) {

    /** The confidence level of every interval of the funnel. */
    public static final double CONFIDENCE_LEVEL = 0.95;

    /** The standard normal quantile of 0.975. */
    static final double Z = 1.959963984540054;

    /** The 95 % interval of {@code successes} out of {@code n}; null when n = 0 (no proportion to speak of). */
    public static Wilson of(long successes, long n) {
        if (n <= 0) {
            return null;
        }
        double p = (double) successes / n;
        double z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new Wilson(Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
