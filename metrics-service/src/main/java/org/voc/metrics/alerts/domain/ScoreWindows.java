package org.voc.metrics.alerts.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.voc.kit.problem.Invalid;
import org.voc.metrics.scores.domain.Dimension;
import org.voc.metrics.scores.domain.Metric;
import org.voc.metrics.scores.domain.ScoreComparison;
import org.voc.metrics.scores.domain.ScoreEngine;
import org.voc.metrics.scores.domain.ScoreQuery;

/**
 * Alerts and impact studies over the score query engine: the same roll-ups, figures and tests as
 * {@code GET /api/metrics/{metric}} and its {@code /compare}. The headline figure is the metric's value (NPS, CSAT %
 * satisfied, CES mean, CLI mean, rating mean) with its interval, and the first test the comparison makes of it.
 */
@ApplicationScoped
public class ScoreWindows implements MetricWindows {

    /**
     * Only decides the engine's {@code significant} flag, which alerts and impact studies do not read: they apply
     * their own alpha.
     */
    private static final double ENGINE_ALPHA = 0.05;

    private final ScoreEngine engine;

    public ScoreWindows(ScoreEngine engine) {
        this.engine = engine;
    }

    @Override
    public String validate(String metric, String question, Map<String, List<String>> filters) {
        Metric m = metric(metric);
        if (m == Metric.RATING && (question == null || question.isBlank())) {
            throw Invalid.field("question", "is required for RATING: each rating question has a scale of its own");
        }
        if (m != Metric.RATING && question != null) {
            throw Invalid.field("question", "applies to RATING only");
        }
        dimensions(filters);
        return m.slug();
    }

    @Override
    public Comparison compare(
            String metric,
            String question,
            Map<String, List<String>> filters,
            Instant currentFrom,
            Instant currentTo,
            Instant baselineFrom,
            Instant baselineTo) {
        Map<Dimension, List<String>> dimensions = dimensions(filters);
        Metric m = metric(metric);
        ScoreComparison c = engine.compare(
                query(m, question, dimensions, currentFrom, currentTo),
                query(m, question, dimensions, baselineFrom, baselineTo),
                ENGINE_ALPHA);
        org.voc.metrics.stats.Comparison headline =
                c.tests().isEmpty() ? null : c.tests().get(0).comparison();
        boolean bothValued = c.current().value() != null && c.baseline().value() != null;
        return new Comparison(
                c.current().n(),
                c.current().value(),
                c.baseline().n(),
                c.baseline().value(),
                bothValued ? c.current().value() - c.baseline().value() : null,
                headline == null ? null : headline.pValue(),
                m == Metric.CES,
                c.current().interval(),
                c.baseline().interval());
    }

    /** [from, to) as the engine's inclusive range: every hour bucket that starts before {@code to}. */
    private static ScoreQuery query(
            Metric metric, String question, Map<Dimension, List<String>> filters, Instant from, Instant to) {
        return new ScoreQuery(
                metric, question, from, to.minusNanos(1), ZoneOffset.UTC, false, null, List.of(), filters, 1);
    }

    private static Metric metric(String slug) {
        Metric m = slug == null ? null : Metric.bySlug(slug.strip());
        if (m == null) {
            throw Invalid.field("metric", "must be one of nps, csat, ces, cli, cli-repurchase, cli-cross-buy, rating");
        }
        return m;
    }

    private static Map<Dimension, List<String>> dimensions(Map<String, List<String>> filters) {
        Map<Dimension, List<String>> dimensions = new EnumMap<>(Dimension.class);
        if (filters == null) {
            return dimensions;
        }
        for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
            Dimension d = Dimension.byParam(filter.getKey());
            if (d == null || d.person()) {
                throw Invalid.field(
                        "filters." + filter.getKey(),
                        "is not a dimension alerts filter on: touchpoint, channel, segment, survey, product,"
                                + " journeyStage or ownerTeam");
            }
            if (filter.getValue() != null && !filter.getValue().isEmpty()) {
                dimensions.put(d, filter.getValue());
            }
        }
        return dimensions;
    }
}
