package org.voc.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * metrics-service's reporting, alert and impact settings (docs/metrics.md, "Time", "Alerts", "Impact of improvement
 * actions") reach its ConfigMap.
 */
class MetricsReportingTest {

    private static JsonNode data(List<ObjectNode> objects) {
        return Chart.named(objects, "ConfigMap", Chart.RELEASE + "-metrics-service")
                .path("data");
    }

    @Test
    void utcAndThirtyByDefault() {
        JsonNode data = data(Chart.render(Chart.ci("default")));
        assertEquals("UTC", data.path("VOC_METRICS_REPORTING_ZONE").asText());
        assertEquals("30", data.path("VOC_METRICS_MIN_SAMPLE").asText());
        assertEquals("5m", data.path("VOC_ALERTS_INTERVAL").asText());
        assertEquals("5m", data.path("VOC_IMPACT_INTERVAL").asText());
        assertEquals("0.05", data.path("VOC_IMPACT_ALPHA").asText());
        assertEquals("PT1H", data.path("VOC_IMPACT_SETTLE").asText());
    }

    @Test
    void theChartsValuesAreUsed() {
        JsonNode data = data(Chart.render(
                Chart.ci("default"),
                Map.of("metricsService.reporting.zone", "Europe/Moscow", "metricsService.reporting.minSample", "50")));
        assertEquals("Europe/Moscow", data.path("VOC_METRICS_REPORTING_ZONE").asText());
        assertEquals("50", data.path("VOC_METRICS_MIN_SAMPLE").asText());
        JsonNode alerts = data(Chart.render(Chart.ci("default"), Map.of("metricsService.alerts.interval", "1m")));
        assertEquals("1m", alerts.path("VOC_ALERTS_INTERVAL").asText());
        // alpha is a number, which --set cannot give (it parses integers only): a values file does.
        Path values = HelmTestPodTest.writeValues(
                "metricsService:\n  impact:\n    interval: 1h\n    alpha: 0.01\n    settle: PT6H\n");
        JsonNode impact = data(Chart.parse(Chart.template(List.of(Chart.ci("default"), values), Map.of())));
        assertEquals("1h", impact.path("VOC_IMPACT_INTERVAL").asText());
        assertEquals("0.01", impact.path("VOC_IMPACT_ALPHA").asText());
        assertEquals("PT6H", impact.path("VOC_IMPACT_SETTLE").asText());
    }

    @Test
    void anIntervalThatIsNotADurationIsRefused() {
        assertThrows(
                Exception.class,
                () -> Chart.render(Chart.ci("default"), Map.of("metricsService.alerts.interval", "often")));
        Path certain = HelmTestPodTest.writeValues("metricsService:\n  impact:\n    alpha: 1\n");
        assertThrows(Exception.class, () -> Chart.template(List.of(Chart.ci("default"), certain), Map.of()));
    }

    @Test
    void aSampleBelowOneIsRefused() {
        assertThrows(
                Exception.class,
                () -> Chart.render(Chart.ci("default"), Map.of("metricsService.reporting.minSample", "0")));
    }
}
