package org.voc.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shutdown budget follows the pod's grace period, and every service's consumers get the chart's session settings
 * (docs/operations.md, "Graceful shutdown" and "Consumers after a crash").
 */
class ShutdownAndConsumerSettingsTest {

    private static final List<String> SERVICES =
            List.of("touchpoint-registry", "survey-service", "response-service", "metrics-service", "case-service");

    private static JsonNode data(List<ObjectNode> objects, String service) {
        return Chart.named(objects, "ConfigMap", Chart.RELEASE + "-" + service).path("data");
    }

    @Test
    void theServicesFinishTheirRequestsWithinTheGracePeriodLeavingTimeToDrain() {
        List<ObjectNode> objects = Chart.render(Chart.ci("default"));
        for (String service : SERVICES) {
            JsonNode data = data(objects, service);
            assertEquals("15s", data.path("VOC_SHUTDOWN_TIMEOUT").asText(), service + ": 30 s - 5 s preStop - 10 s");
            assertEquals("10000", data.path("VOC_KAFKA_SESSION_TIMEOUT_MS").asText(), service);
            assertEquals("3000", data.path("VOC_KAFKA_HEARTBEAT_INTERVAL_MS").asText(), service);
        }
        List<ObjectNode> longer = Chart.render(
                Chart.ci("default"),
                Map.of("rollout.terminationGracePeriodSeconds", 60, "kafka.consumer.sessionTimeoutMs", 20000));
        assertEquals(
                "45s", data(longer, "case-service").path("VOC_SHUTDOWN_TIMEOUT").asText());
        assertEquals(
                "20000",
                data(longer, "case-service")
                        .path("VOC_KAFKA_SESSION_TIMEOUT_MS")
                        .asText());
    }

    @Test
    void aGracePeriodWithoutRoomToDrainOrAHeartbeatTooSlowForTheSessionIsRefused() {
        Exception shortGrace = assertThrows(
                Exception.class,
                () -> Chart.template(
                        List.of(Chart.ci("default")), Map.of("rollout.terminationGracePeriodSeconds", 15)));
        assertTrue(
                shortGrace.getMessage().contains("rollout.terminationGracePeriodSeconds (15) must be at least"),
                shortGrace.getMessage());
        Exception slowHeartbeat = assertThrows(
                Exception.class,
                () -> Chart.template(List.of(Chart.ci("default")), Map.of("kafka.consumer.heartbeatIntervalMs", 5000)));
        assertTrue(
                slowHeartbeat.getMessage().contains("at most a third of kafka.consumer.sessionTimeoutMs"),
                slowHeartbeat.getMessage());
    }
}
