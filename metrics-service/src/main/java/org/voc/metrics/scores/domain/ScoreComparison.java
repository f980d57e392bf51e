package org.voc.metrics.scores.domain;

import java.util.List;
import org.voc.metrics.stats.Comparison;

/**
 * Two totals of one metric side by side (two periods or two filter sets) and the tests of their difference at
 * {@code alpha}: one per figure the metric is judged by (e.g. CES: its mean and its % high effort).
 */
public record ScoreComparison(Figures current, Figures baseline, double alpha, List<Test> tests) {

    /** A test of one figure; the difference is current minus baseline, in the figure's own units. */
    public record Test(String figure, Comparison comparison) {}
}
