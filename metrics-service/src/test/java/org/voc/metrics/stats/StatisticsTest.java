package org.voc.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every interval and test against published values or values worked by hand (the working is in the comments). */
class StatisticsTest {

    private static final double EPS = 1e-4;

    @Test
    void adjustedWaldNpsIntervalAddsThreeResponsesAndThreeQuartersToPromotersAndDetractors() {
        // n = 10, P = 4, D = 3: n̂ = 13, p̂ = 4.75/13 = 0.365385, d̂ = 3.75/13 = 0.288462, centre 0.076923,
        // var = (0.653846 − 0.076923²)/13 = 0.049841, margin = 1.959964 · 0.223252 = 0.437563
        Interval interval = Intervals.nps(10, 4, 3, 0.95);
        assertEquals(0.437563, interval.margin(), EPS);
        assertEquals(0.076923 - 0.437563, interval.low(), EPS);
        assertEquals(0.076923 + 0.437563, interval.high(), EPS);
    }

    @Test
    void oneOrTwoResponsesDoNotReportAZeroMargin() {
        // n = 1 promoter: n̂ = 4, p̂ = 0.4375, d̂ = 0.1875, var = (0.625 − 0.0625)/4 = 0.140625, margin = 1.96·0.375
        Interval one = Intervals.nps(1, 1, 0, 0.95);
        assertEquals(0.734986, one.margin(), EPS);
        assertEquals(0.25 - 0.734986, one.low(), EPS);
        // n = 2 promoters: centre (2.75 − 0.75)/5 = 0.4, margin 0.644110; the high end is clipped to +1 (NPS 100)
        Interval two = Intervals.nps(2, 2, 0, 0.95);
        assertEquals(0.644110, two.margin(), EPS);
        assertEquals(1.0, two.high());
        assertNull(Intervals.nps(0, 0, 0, 0.95));
    }

    @Test
    void wilsonIntervalsMatchNewcombe1998() {
        // Newcombe, "Two-sided confidence intervals for the single proportion", Stat. Med. 17 (1998), Table I,
        // method 3 (score interval without continuity correction)
        assertInterval(0.2553, 0.3662, Intervals.wilson(81, 263, 0.95));
        assertInterval(0.0624, 0.1605, Intervals.wilson(15, 148, 0.95));
        assertInterval(0.0000, 0.1611, Intervals.wilson(0, 20, 0.95));
        assertInterval(0.0061, 0.1718, Intervals.wilson(1, 29, 0.95));
        assertNull(Intervals.wilson(0, 0, 0.95));
    }

    @Test
    void meanIntervalUsesStudentT() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, s² = 32/7, t(7, 0.975) = 2.364624, margin = 2.364624 · 2.13809/√8 = 1.78749
        Moments moments = moments(2, 4, 4, 4, 5, 5, 7, 9);
        Interval interval = Intervals.mean(moments, 0.95);
        assertEquals(5.0, moments.mean(), EPS);
        assertInterval(3.21251, 6.78749, interval);
        assertNull(Intervals.mean(moments(7), 0.95), "one value has no variance");
    }

    @Test
    void npsDifferenceZTestFromEachTrinomialVariance() {
        // 40 P / 20 D of 100 (NPS 20) against 30 P / 30 D of 100 (NPS 0): v1 = (0.6 − 0.04)/100 = 0.0056,
        // v2 = 0.006, z = 0.2/√0.0116 = 1.856953, p = 2·Φ(−1.856953) = 0.063318: not significant at 0.05
        Comparison c = Tests.nps(100, 40, 20, 100, 30, 30, 0.05);
        assertEquals(0.2, c.difference(), EPS);
        assertEquals(1.856953, c.statistic(), EPS);
        assertEquals(0.063318, c.pValue(), EPS);
        assertFalse(c.significant());
        assertTrue(Tests.nps(100, 40, 20, 100, 30, 30, 0.10).significant());
    }

    @Test
    void twoProportionZTestPoolsTheProportions() {
        // 45/100 against 30/100: pooled 0.375, se = √(0.375·0.625·0.02) = 0.068465, z = 2.190890, p = 0.028460
        Comparison c = Tests.proportions(45, 100, 30, 100, 0.05);
        assertEquals(0.15, c.difference(), EPS);
        assertEquals(2.190890, c.statistic(), EPS);
        assertEquals(0.028460, c.pValue(), EPS);
        assertTrue(c.significant());
        assertNull(Tests.proportions(0, 0, 3, 10, 0.05).pValue());
    }

    @Test
    void welchTestOfTwoMeans() {
        // 2,4,4,4,5,5,7,9 against 3,5,6,6,7,8,8,9,10: t = −1.814417, Welch–Satterthwaite df = 14.78195,
        // p = 0.089958 (scipy.stats.ttest_ind(a, b, equal_var=False) gives the same)
        Comparison c = Tests.means(moments(2, 4, 4, 4, 5, 5, 7, 9), moments(3, 5, 6, 6, 7, 8, 8, 9, 10), 0.05);
        assertEquals(5.0 - 62.0 / 9, c.difference(), EPS);
        assertEquals(-1.814417, c.statistic(), EPS);
        assertEquals(0.089958, c.pValue(), EPS);
        assertFalse(c.significant());
    }

    private static Moments moments(int... values) {
        double sum = 0;
        double squares = 0;
        for (int v : values) {
            sum += v;
            squares += (double) v * v;
        }
        return new Moments(values.length, sum, squares);
    }

    private static void assertInterval(double low, double high, Interval interval) {
        assertEquals(low, interval.low(), 1e-4, "low");
        assertEquals(high, interval.high(), 1e-4, "high");
    }
}
