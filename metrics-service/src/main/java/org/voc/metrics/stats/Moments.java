package org.voc.metrics.stats;

/** The count, sum and sum of squares of some values: enough for their mean and sample variance. */
public record Moments(long n, double sum, double sumOfSquares) {

    /** The mean; NaN for n = 0. */
    public double mean() {
        return sum / n;
    }

    /** The unbiased sample variance (n − 1 in the denominator); 0 below n = 2 and never negative from rounding. */
    public double variance() {
        if (n < 2) {
            return 0;
        }
        return Math.max(0, (sumOfSquares - sum * sum / n) / (n - 1));
    }
}
