package org.voc.metrics.scores.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import org.voc.metrics.scores.domain.Figures;

/**
 * The NPS of a touchpoint (or all) over a time range in the first API's shape: {@code n} responses, the score and
 * the half-width of its 95 % adjusted-Wald interval, both in NPS points to one decimal.
 */
public record NpsView(
        String touchpoint,
        String channel,
        Instant from,
        Instant to,
        long n,
        long promoters,
        long passives,
        long detractors,
        Double nps,
        Double marginOfError,
        double confidenceLevel) {

    static NpsView of(String touchpoint, String channel, Instant from, Instant to, Figures f) {
        return new NpsView(
                touchpoint,
                channel,
                from,
                to,
                f.n(),
                f.promoters(),
                f.passives(),
                f.detractors(),
                oneDecimal(f.value()),
                f.interval() == null ? null : oneDecimal(f.interval().margin()),
                Figures.CONFIDENCE_LEVEL);
    }

    private static Double oneDecimal(Double value) {
        return value == null
                ? null
                : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
