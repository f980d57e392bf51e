package org.voc.metrics.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * The Wilson score interval against the worked examples of Newcombe, R. G. (1998), "Two-sided confidence intervals
 * for the single proportion: comparison of seven methods", Statistics in Medicine 17:857–872, Table II, method 3
 * (score interval without continuity correction), given there to four decimals.
 */
class WilsonTest {

    private static final double FOUR_DECIMALS = 0.00005;

    @Test
    void matchesNewcombesWorkedExamples() {
        assertInterval(81, 263, 0.2553, 0.3662);
        assertInterval(15, 148, 0.0624, 0.1605);
        assertInterval(0, 20, 0.0000, 0.1611);
        assertInterval(1, 29, 0.0061, 0.1718);
    }

    @Test
    void staysInsideZeroAndOneAndIsUndefinedWithoutTrials() {
        Interval all = Intervals.wilson(5, 5, 0.95);
        assertEquals(1.0, all.high());
        assertEquals(0.5655, all.low(), FOUR_DECIMALS); // 5/(5 + z²) = 5/8.8415
        assertNull(Intervals.wilson(0, 0, 0.95));
    }

    private static void assertInterval(long successes, long n, double lower, double upper) {
        Interval wilson = Intervals.wilson(successes, n, 0.95);
        assertEquals(lower, wilson.low(), FOUR_DECIMALS, successes + "/" + n + " lower");
        assertEquals(upper, wilson.high(), FOUR_DECIMALS, successes + "/" + n + " upper");
    }
}
