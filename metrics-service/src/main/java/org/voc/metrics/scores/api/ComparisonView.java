package org.voc.metrics.scores.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voc.metrics.scores.domain.Figures;
import org.voc.metrics.scores.domain.ScoreComparison;
import org.voc.metrics.scores.domain.ScoreQuery;

/** Two totals of a metric and the significance tests of their difference (current minus baseline). */
public record ComparisonView(String metric, Side current, Side baseline, double alpha, List<TestView> tests) {

    static ComparisonView of(ScoreQuery current, ScoreQuery baseline, ScoreComparison comparison) {
        return new ComparisonView(
                current.metric().slug(),
                Side.of(current, comparison.current()),
                Side.of(baseline, comparison.baseline()),
                comparison.alpha(),
                comparison.tests().stream().map(TestView::of).toList());
    }

    /** One side: its range, its filters by dimension and its figures. */
    public record Side(Instant from, Instant to, Map<String, List<String>> filters, ScoreView.PointView figures) {

        static Side of(ScoreQuery q, Figures figures) {
            Map<String, List<String>> filters = new LinkedHashMap<>();
            q.filters().forEach((d, values) -> filters.put(d.param(), values));
            return new Side(q.from(), q.to(), filters, ScoreView.PointView.of(null, null, figures));
        }
    }

    /**
     * The test of one figure, in its own units (NPS points, percentage points, scale points); {@code pValue} is null
     * (and the test not significant) when a side is empty or neither side varies.
     */
    public record TestView(
            String figure, String method, double difference, Double statistic, Double pValue, boolean significant) {

        static TestView of(ScoreComparison.Test test) {
            var c = test.comparison();
            return new TestView(test.figure(), c.method(), c.difference(), c.statistic(), c.pValue(), c.significant());
        }
    }
}
