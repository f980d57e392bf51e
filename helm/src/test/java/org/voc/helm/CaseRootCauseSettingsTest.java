package org.voc.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whether closing a case requires a root cause reaches case-service's ConfigMap; off unless set. */
class CaseRootCauseSettingsTest {

    private static JsonNode data(List<ObjectNode> objects) {
        return Chart.named(objects, "ConfigMap", Chart.RELEASE + "-case-service")
                .path("data");
    }

    @Test
    void offByDefault() {
        assertEquals(
                "false",
                data(Chart.render(Chart.ci("default")))
                        .path("VOC_CASES_ROOT_CAUSE_REQUIRED")
                        .asText());
    }

    @Test
    void theChartsValueIsUsed() {
        JsonNode data = data(Chart.render(Chart.ci("default"), Map.of("caseService.rootCauses.required", "true")));
        assertEquals("true", data.path("VOC_CASES_ROOT_CAUSE_REQUIRED").asText());
    }

    @Test
    void onlyABooleanIsTaken() {
        assertThrows(
                Exception.class,
                () -> Chart.render(Chart.ci("default"), Map.of("caseService.rootCauses.required", "sometimes")));
    }
}
