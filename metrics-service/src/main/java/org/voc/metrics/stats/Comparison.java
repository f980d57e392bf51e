package org.voc.metrics.stats;

/**
 * The outcome of a two-sided test of "the two sides differ": the difference (first minus second), the test
 * statistic, its p-value and whether it is below {@code alpha}. {@code pValue} is null when the test cannot be
 * computed (an empty side, or no variance on either side), and such a comparison is never significant.
 */
public record Comparison(String method, double difference, Double statistic, Double pValue, boolean significant) {

    static Comparison of(String method, double difference, double standardError, double alpha, Double df) {
        if (!(standardError > 0) || Double.isNaN(difference)) {
            return new Comparison(method, difference, null, null, false);
        }
        double statistic = difference / standardError;
        double p = df == null ? Tests.normalTwoSided(statistic) : Tests.studentTwoSided(statistic, df);
        return new Comparison(method, difference, statistic, p, p < alpha);
    }
}
