package org.voc.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The outer loop's settings of case-service reach its ConfigMap: the recovery re-survey's touchpoint and channel, and
 * the defaults improvement actions are judged by; out-of-range values are refused by the schema.
 */
class CaseOuterLoopSettingsTest {

    private static JsonNode data(List<ObjectNode> objects) {
        return Chart.named(objects, "ConfigMap", Chart.RELEASE + "-case-service")
                .path("data");
    }

    @Test
    void defaults() {
        JsonNode data = data(Chart.render(Chart.ci("default")));
        assertEquals("case-closure", data.path("VOC_CASES_RECOVERY_TOUCHPOINT").asText());
        assertEquals("CONTACT_CENTER", data.path("VOC_CASES_RECOVERY_CHANNEL").asText());
        assertEquals("28", data.path("VOC_CASES_ACTIONS_IMPACT_WINDOW_DAYS").asText());
        assertEquals("30", data.path("VOC_CASES_ACTIONS_MIN_SAMPLE").asText());
    }

    @Test
    void theChartsValuesAreUsed() {
        JsonNode data = data(Chart.render(
                Chart.ci("default"),
                Map.of(
                        "caseService.recovery.touchpointKey",
                        "after-case",
                        "caseService.recovery.channel",
                        "EMAIL",
                        "caseService.improvementActions.impactWindowDays",
                        14,
                        "caseService.improvementActions.minSample",
                        100)));
        assertEquals("after-case", data.path("VOC_CASES_RECOVERY_TOUCHPOINT").asText());
        assertEquals("EMAIL", data.path("VOC_CASES_RECOVERY_CHANNEL").asText());
        assertEquals("14", data.path("VOC_CASES_ACTIONS_IMPACT_WINDOW_DAYS").asText());
        assertEquals("100", data.path("VOC_CASES_ACTIONS_MIN_SAMPLE").asText());
    }

    @Test
    void valuesOutsideTheirRangeAreRefused() {
        assertThrows(
                Exception.class,
                () -> Chart.render(Chart.ci("default"), Map.of("caseService.recovery.channel", "PIGEON")));
        assertThrows(
                Exception.class,
                () -> Chart.render(
                        Chart.ci("default"), Map.of("caseService.improvementActions.impactWindowDays", 400)));
    }
}
