package org.voc.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** metrics-service's reporting and alert settings (docs/metrics.md, "Time", "Alerts") reach its ConfigMap. */
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
    }

    @Test
    void anIntervalThatIsNotADurationIsRefused() {
        assertThrows(
                Exception.class,
                () -> Chart.render(Chart.ci("default"), Map.of("metricsService.alerts.interval", "often")));
    }

    @Test
    void aSampleBelowOneIsRefused() {
        assertThrows(
                Exception.class,
                () -> Chart.render(Chart.ci("default"), Map.of("metricsService.reporting.minSample", "0")));
    }
}
