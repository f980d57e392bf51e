package org.voc.metrics.impact.domain;

import org.voc.metrics.alerts.domain.MetricWindows;

/**
 * The verdict on an action's effect from the before/after comparison: a pure function, so the rules can be checked
 * on numbers worked by hand. The p-value is the metric's own two-sample test, the one {@code /compare} reports.
 */
public final class Verdicts {

    private Verdicts() {}

    /** What the comparison says; {@code targetMet} is null when the action set no target. */
    public record Judgement(Study.Verdict verdict, boolean insufficientSample, Boolean targetMet) {}

    /**
     * IMPROVED or WORSE when p is below {@code alpha} in the good or bad direction (for CES lower is better);
     * otherwise NO_SIGNIFICANT_CHANGE, which it always is when either window has fewer than {@code minSample}
     * responses: a thin window can look significant by chance of who answered, and a verdict that later flips
     * would undo a VERIFIED action. "after" is the comparison's current side, "before" its baseline.
     */
    public static Judgement judge(MetricWindows.Comparison c, int minSample, double alpha, Double target) {
        boolean insufficient = c.currentN() < minSample || c.baselineN() < minSample;
        Study.Verdict verdict = Study.Verdict.NO_SIGNIFICANT_CHANGE;
        if (!insufficient && c.difference() != null && c.pValue() != null && c.pValue() < alpha) {
            boolean better = c.higherIsWorse() ? c.difference() < 0 : c.difference() > 0;
            boolean worse = c.higherIsWorse() ? c.difference() > 0 : c.difference() < 0;
            if (better) {
                verdict = Study.Verdict.IMPROVED;
            } else if (worse) {
                verdict = Study.Verdict.WORSE;
            }
        }
        return new Judgement(verdict, insufficient, targetMet(c, target));
    }

    /** Whether the after window reached the target (CES: at most it, otherwise at least it); null without one. */
    static Boolean targetMet(MetricWindows.Comparison c, Double target) {
        if (target == null) {
            return null;
        }
        if (c.current() == null) {
            return false;
        }
        return c.higherIsWorse() ? c.current() <= target : c.current() >= target;
    }
}
