package org.voc.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** case-service's SLA scheduler interval reaches its ConfigMap, and only a duration or {@code off} is taken. */
class CaseSlaSettingsTest {

    private static JsonNode data(List<ObjectNode> objects) {
        return Chart.named(objects, "ConfigMap", Chart.RELEASE + "-case-service")
                .path("data");
    }

    @Test
    void everyMinuteByDefault() {
        assertEquals(
                "1m",
                data(Chart.render(Chart.ci("default")))
                        .path("VOC_CASES_SLA_INTERVAL")
                        .asText());
    }

    @Test
    void theChartsValueIsUsed() {
        JsonNode data = data(Chart.render(Chart.ci("default"), Map.of("caseService.sla.interval", "30s")));
        assertEquals("30s", data.path("VOC_CASES_SLA_INTERVAL").asText());
        JsonNode off = data(Chart.render(Chart.ci("default"), Map.of("caseService.sla.interval", "off")));
        assertEquals("off", off.path("VOC_CASES_SLA_INTERVAL").asText());
    }

    @Test
    void anIntervalThatIsNotADurationIsRefused() {
        assertThrows(
                Exception.class, () -> Chart.render(Chart.ci("default"), Map.of("caseService.sla.interval", "often")));
    }
}
