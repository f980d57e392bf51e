package org.voc.metrics.api;

import java.time.Instant;
import org.voc.metrics.domain.NpsCounts;
import org.voc.metrics.domain.NpsQuery;

/** The NPS of a touchpoint (or all) over a time range, with its 95 % margin of error; {@code n} responses. */
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

    static NpsView of(NpsQuery query, NpsCounts counts) {
        return new NpsView(
                query.touchpointKey(),
                query.channel(),
                query.from(),
                query.to(),
                counts.responses(),
                counts.promoters(),
                counts.passives(),
                counts.detractors(),
                counts.nps(),
                counts.marginOfError(),
                NpsCounts.CONFIDENCE_LEVEL);
    }
}
