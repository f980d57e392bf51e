package org.voc.metrics.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.voc.metrics.alerts.domain.MetricWindows;
import org.voc.metrics.impact.domain.Study;
import org.voc.metrics.impact.domain.Verdicts;
import org.voc.metrics.stats.Comparison;
import org.voc.metrics.stats.Moments;
import org.voc.metrics.stats.Tests;

/**
 * The verdict rules on numbers worked by hand, through the metrics' own tests (the ones /compare reports). NPS z-test:
 * z = (NPS₁ − NPS₂) / sqrt(v₁ + v₂) with vᵢ = (pᵢ + dᵢ − (pᵢ − dᵢ)²) / nᵢ on proportions.
 */
class VerdictsTest {

    private static final double ALPHA = 0.05;

    /**
     * Before: 100 responses, 30 promoters and 40 detractors (NPS −10); after: 100, 50 and 20 (NPS +30).
     * v_after = (0.7 − 0.09)/100 = 0.0061, v_before = (0.7 − 0.01)/100 = 0.0069, se = sqrt(0.013) = 0.11402;
     * z = 0.4 / 0.11402 = 3.5082, p = 2(1 − Φ(3.5082)) = 0.000451.
     */
    @Test
    void aSignificantRiseOfNpsIsImproved() {
        MetricWindows.Comparison c = nps(100, 50, 20, 100, 30, 40);
        assertEquals(40.0, c.difference(), 1e-9);
        assertEquals(0.000451, c.pValue(), 1e-6);

        Verdicts.Judgement j = Verdicts.judge(c, 30, ALPHA, 25.0);

        assertEquals(Study.Verdict.IMPROVED, j.verdict());
        assertFalse(j.insufficientSample());
        assertTrue(j.targetMet(), "+30 reaches a target of 25");
        assertFalse(Verdicts.judge(c, 30, ALPHA, 35.0).targetMet(), "+30 falls short of 35");
        assertNull(Verdicts.judge(c, 30, ALPHA, null).targetMet(), "no target, no answer");
    }

    /**
     * The same shares on 10 responses a side: v = 0.061 and 0.069, se = sqrt(0.13) = 0.36056, z = 1.1094,
     * p = 0.267. Not significant, and below a minimum sample of 30 anyway.
     */
    @Test
    void theSameRiseOnSmallSamplesIsNoSignificantChange() {
        MetricWindows.Comparison c = nps(10, 5, 2, 10, 3, 4);
        assertEquals(40.0, c.difference(), 1e-9);
        assertEquals(0.2673, c.pValue(), 1e-4);

        Verdicts.Judgement j = Verdicts.judge(c, 30, ALPHA, null);

        assertEquals(Study.Verdict.NO_SIGNIFICANT_CHANGE, j.verdict());
        assertTrue(j.insufficientSample());
    }

    /** A significant change on a thin window is still no verdict: the minimum sample comes first. */
    @Test
    void aThinWindowNeverGivesAVerdict() {
        MetricWindows.Comparison c = nps(100, 50, 20, 100, 30, 40);

        Verdicts.Judgement j = Verdicts.judge(c, 101, ALPHA, null);

        assertEquals(Study.Verdict.NO_SIGNIFICANT_CHANGE, j.verdict());
        assertTrue(j.insufficientSample());
    }

    /** The first case reversed: NPS +30 before, −10 after; the same z (−3.5082) and p (0.000451). */
    @Test
    void aSignificantDropIsWorse() {
        MetricWindows.Comparison c = nps(100, 30, 40, 100, 50, 20);
        assertEquals(-40.0, c.difference(), 1e-9);
        assertEquals(0.000451, c.pValue(), 1e-6);

        Verdicts.Judgement j = Verdicts.judge(c, 30, ALPHA, 0.0);

        assertEquals(Study.Verdict.WORSE, j.verdict());
        assertFalse(j.targetMet(), "−10 does not reach 0");
    }

    /**
     * CES, lower is better. Before: 50 answers of 4 and 50 of 6 (mean 5, variance 100/99); after: 50 of 2 and 50 of
     * 4 (mean 3, variance 100/99). Welch: se = sqrt(2 · (100/99) / 100) = 0.14213, t = −2 / 0.14213 = −14.07 on 198
     * degrees of freedom: p far below 0.001. The mean fell: IMPROVED; a target is met at or below it.
     */
    @Test
    void lowerEffortIsAnImprovementOfCes() {
        Moments before = new Moments(100, 50 * 4 + 50 * 6, 50 * 16 + 50 * 36);
        Moments after = new Moments(100, 50 * 2 + 50 * 4, 50 * 4 + 50 * 16);
        Comparison test = Tests.means(after, before, ALPHA);
        assertEquals(-14.07, test.statistic(), 0.01);
        MetricWindows.Comparison c =
                new MetricWindows.Comparison(100, 3.0, 100, 5.0, -2.0, test.pValue(), true, null, null);

        Verdicts.Judgement j = Verdicts.judge(c, 30, ALPHA, 3.0);

        assertEquals(Study.Verdict.IMPROVED, j.verdict());
        assertTrue(j.targetMet(), "a mean of 3 meets a target of at most 3");
        assertFalse(Verdicts.judge(c, 30, ALPHA, 2.5).targetMet(), "3 is above 2.5");

        MetricWindows.Comparison reversed =
                new MetricWindows.Comparison(100, 5.0, 100, 3.0, 2.0, test.pValue(), true, null, null);
        assertEquals(
                Study.Verdict.WORSE, Verdicts.judge(reversed, 30, ALPHA, null).verdict(), "more effort");
    }

    /** An empty after window has no value: no verdict, and a target is not met. */
    @Test
    void anEmptyWindowIsNoSignificantChange() {
        MetricWindows.Comparison c = nps(0, 0, 0, 100, 30, 40);

        Verdicts.Judgement j = Verdicts.judge(c, 30, ALPHA, -50.0);

        assertEquals(Study.Verdict.NO_SIGNIFICANT_CHANGE, j.verdict());
        assertTrue(j.insufficientSample());
        assertFalse(j.targetMet());
    }

    /** As ScoreWindows builds it: values in NPS points, after as the current side. */
    private static MetricWindows.Comparison nps(long nA, long pA, long dA, long nB, long pB, long dB) {
        Comparison test = Tests.nps(nA, pA, dA, nB, pB, dB, ALPHA);
        Double after = nA == 0 ? null : 100.0 * (pA - dA) / nA;
        Double before = nB == 0 ? null : 100.0 * (pB - dB) / nB;
        Double difference = after == null || before == null ? null : after - before;
        return new MetricWindows.Comparison(nA, after, nB, before, difference, test.pValue(), false, null, null);
    }
}
