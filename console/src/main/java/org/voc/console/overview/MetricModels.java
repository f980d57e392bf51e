package org.voc.console.overview;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The console's own records of metrics-service's answers: only what the overview shows. */
public final class MetricModels {

    private MetricModels() {}

    public record Score(String metric, int minSample, List<Point> series) {
        public List<Point> series() {
            return series == null ? List.of() : series;
        }
    }

    public record Point(
            OffsetDateTime period,
            Map<String, String> groups,
            long n,
            Double value,
            Interval interval,
            boolean insufficientSample) {

        public Map<String, String> groups() {
            return groups == null ? Map.of() : groups;
        }
    }

    public record Interval(double low, double high, double margin) {}

    public record Funnel(List<FunnelRow> rows) {
        public List<FunnelRow> rows() {
            return rows == null ? List.of() : rows;
        }
    }

    public record FunnelRow(
            long issued,
            long opened,
            long answered,
            long expired,
            long stillOpen,
            Double openRate,
            Double responseRate,
            RateInterval responseRateInterval) {}

    public record RateInterval(Double lower, Double upper) {}

    public record Alerts(List<Alert> items) {
        public List<Alert> items() {
            return items == null ? List.of() : items;
        }
    }

    public record Alert(
            String ruleName,
            String metric,
            long currentN,
            Double current,
            long baselineN,
            Double baseline,
            Double difference,
            Double pValue,
            Instant firedAt) {

        /** The current window's value as the page shows it. */
        public String now() {
            return current == null ? "—" : String.valueOf(Math.round(current * 10) / 10.0);
        }

        /** The baseline's value as the page shows it. */
        public String before() {
            return baseline == null ? "—" : String.valueOf(Math.round(baseline * 10) / 10.0);
        }
    }
}
