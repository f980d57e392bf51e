package org.voc.metrics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Promoter, passive and detractor counts of some responses, and the NPS statistics derived from them. */
public record NpsCounts(long responses, long promoters, long passives, long detractors) {

    public static final NpsCounts NONE = new NpsCounts(0, 0, 0, 0);

    /** Two-sided 95 % confidence: the normal quantile z(0.975). */
    public static final double CONFIDENCE_LEVEL = 0.95;

    private static final double Z_95 = 1.96;

    public NpsCounts plus(NpsCounts other) {
        return new NpsCounts(
                responses + other.responses,
                promoters + other.promoters,
                passives + other.passives,
                detractors + other.detractors);
    }

    /** 100·(P − D)/n to one decimal; null without responses (a score of 0 would be a claim, not an absence). */
    public Double nps() {
        if (responses == 0) {
            return null;
        }
        return oneDecimal(100.0 * (promoters - detractors) / responses);
    }

    /**
     * Half-width of the 95 % confidence interval of the NPS, in NPS points: 1.96·100·sqrt((p + d − (p − d)²)/n)
     * with p = P/n and d = D/n (the variance of a per-response score of +1/0/−1). Null without responses.
     */
    public Double marginOfError() {
        if (responses == 0) {
            return null;
        }
        double p = (double) promoters / responses;
        double d = (double) detractors / responses;
        double variance = p + d - (p - d) * (p - d);
        return oneDecimal(Z_95 * 100 * Math.sqrt(Math.max(0, variance) / responses));
    }

    private static double oneDecimal(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
