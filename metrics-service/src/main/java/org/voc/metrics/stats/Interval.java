package org.voc.metrics.stats;

/** A two-sided confidence interval around an estimate: {@code low} to {@code high}, half-width {@code margin}. */
public record Interval(double low, double high, double margin) {

    static Interval around(double estimate, double margin) {
        return new Interval(estimate - margin, estimate + margin, margin);
    }

    static Interval between(double low, double high) {
        return new Interval(low, high, (high - low) / 2);
    }

    /** The same interval scaled, e.g. from a proportion to percent. */
    public Interval times(double factor) {
        return new Interval(low * factor, high * factor, margin * factor);
    }
}
