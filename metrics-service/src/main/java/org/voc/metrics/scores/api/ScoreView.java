package org.voc.metrics.scores.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voc.metrics.scores.domain.Figures;
import org.voc.metrics.scores.domain.ScoreSeries;
import org.voc.metrics.stats.Interval;

/**
 * A metric over a time range: one point per period and group with values (a total has exactly one). {@code
 * source} is the roll-up read: {@code day} (whole local days of the reporting zone) or {@code hour} (hour
 * resolution: every UTC hour of the range counts in full).
 */
public record ScoreView(
        String metric,
        String question,
        Instant from,
        Instant to,
        String tz,
        String granularity,
        List<String> groupBy,
        String source,
        int minSample,
        double confidenceLevel,
        List<PointView> series) {

    static ScoreView of(ScoreSeries series, int minSample) {
        var q = series.query();
        return new ScoreView(
                q.metric().slug(),
                q.question(),
                q.from(),
                q.to(),
                q.zone().getId(),
                q.granularity() == null ? null : q.granularity().unit(),
                q.groupBy().stream().map(d -> d.param()).toList(),
                series.source(),
                minSample,
                Figures.CONFIDENCE_LEVEL,
                series.points().stream().map(PointView::of).toList());
    }

    /**
     * One value. {@code value} is the metric's headline (NPS points, CSAT % satisfied, otherwise the mean) with its
     * 95 % {@code interval}; the other fields are the metric's own figures and are absent where they do not apply.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PointView(
            OffsetDateTime period,
            Map<String, String> groups,
            long n,
            @JsonInclude(JsonInclude.Include.ALWAYS) Double value,
            @JsonInclude(JsonInclude.Include.ALWAYS) Interval interval,
            boolean insufficientSample,
            Long promoters,
            Long passives,
            Long detractors,
            Figures.Share promotersShare,
            Figures.Share passivesShare,
            Figures.Share detractorsShare,
            Map<Integer, Long> distribution,
            Figures.Share satisfied,
            Figures.Share problem,
            Figures.Share highEffort,
            Double mean,
            Map<String, Double> parts) {

        static PointView of(ScoreSeries.Point point) {
            Map<String, String> groups = new LinkedHashMap<>();
            point.groups().forEach((d, v) -> groups.put(d.param(), v));
            return of(point.period(), groups.isEmpty() ? null : groups, point.figures());
        }

        static PointView of(OffsetDateTime period, Map<String, String> groups, Figures f) {
            return new PointView(
                    period,
                    groups,
                    f.n(),
                    f.value(),
                    f.interval(),
                    f.insufficientSample(),
                    f.promoters(),
                    f.passives(),
                    f.detractors(),
                    f.promotersShare(),
                    f.passivesShare(),
                    f.detractorsShare(),
                    f.distribution(),
                    f.satisfied(),
                    f.problem(),
                    f.highEffort(),
                    f.mean(),
                    f.parts());
        }
    }
}
