package org.voc.metrics.scores.domain;

import java.util.Comparator;

/**
 * One roll-up row's key: the metric and question, the period ({@code hour} as an ISO instant, or {@code day} as an
 * ISO local date) and the response's dimensions ('' for none). {@code kind} and {@code ref} name the employee or
 * process of a people roll-up row ('' otherwise).
 */
public record RollupKey(
        Metric metric,
        String questionId,
        String period,
        String touchpointKey,
        String channel,
        String segment,
        String surveyId,
        String kind,
        String ref) {

    /** The order every batch writes its rows in, so two replicas updating the same rows cannot deadlock. */
    public static final Comparator<RollupKey> ORDER = Comparator.comparing(
                    (RollupKey k) -> k.metric().name())
            .thenComparing(RollupKey::questionId)
            .thenComparing(RollupKey::kind)
            .thenComparing(RollupKey::period)
            .thenComparing(RollupKey::ref)
            .thenComparing(RollupKey::touchpointKey)
            .thenComparing(RollupKey::channel)
            .thenComparing(RollupKey::segment)
            .thenComparing(RollupKey::surveyId);

    /** The same row summed over touchpoints (the daily roll-up that breakdowns without a touchpoint read). */
    public RollupKey overAllTouchpoints() {
        return new RollupKey(metric, questionId, period, "", channel, segment, surveyId, kind, ref);
    }

    /** The same row summed over everything but the touchpoint. */
    public RollupKey byTouchpointOnly() {
        return new RollupKey(metric, questionId, period, touchpointKey, "", "", "", kind, ref);
    }

    /** The same row summed over everything but the channel and the segment. */
    public RollupKey byChannelAndSegmentOnly() {
        return new RollupKey(metric, questionId, period, "", channel, segment, "", kind, ref);
    }
}
