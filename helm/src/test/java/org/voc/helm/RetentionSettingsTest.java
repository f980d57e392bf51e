package org.voc.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Retention limits (docs/operations.md, "Retention"): those of customer data off by default, each reaching only its
 * own service; the bookkeeping of opened invitations on by default.
 */
class RetentionSettingsTest {

    private static final Map<String, String> VARIABLES = Map.of(
            "survey-service", "VOC_RETENTION_DECISIONS",
            "response-service", "VOC_RETENTION_VERBATIMS",
            "case-service", "VOC_RETENTION_CLOSED_CASES");

    private static JsonNode data(List<ObjectNode> objects, String service) {
        return Chart.named(objects, "ConfigMap", Chart.RELEASE + "-" + service).path("data");
    }

    @Test
    void retentionIsOffUnlessSet() {
        List<ObjectNode> objects = Chart.render(Chart.ci("default"));
        for (String service : Chart.SERVICES) {
            for (String variable : VARIABLES.values()) {
                assertFalse(data(objects, service).has(variable), service + " has " + variable + " by default");
            }
        }
    }

    @Test
    void eachLimitReachesItsServiceOnly() {
        List<ObjectNode> objects = Chart.render(
                Chart.ci("default"),
                Map.of(
                        "surveyService.retention.decisions", "P180D",
                        "responseService.retention.verbatims", "P365D",
                        "caseService.retention.closedCases", "P730D"));
        assertEquals(
                "P180D",
                data(objects, "survey-service").path("VOC_RETENTION_DECISIONS").asText());
        assertEquals(
                "P365D",
                data(objects, "response-service")
                        .path("VOC_RETENTION_VERBATIMS")
                        .asText());
        assertEquals(
                "P730D",
                data(objects, "case-service").path("VOC_RETENTION_CLOSED_CASES").asText());
        for (String service : Chart.SERVICES) {
            VARIABLES.forEach((owner, variable) -> {
                if (!owner.equals(service)) {
                    assertFalse(data(objects, service).has(variable), service + " gets " + variable);
                }
            });
        }
    }

    @Test
    void openedInvitationsAreForgottenAfterTheLongestInvitationByDefault() {
        List<ObjectNode> defaults = Chart.render(Chart.ci("default"));
        assertEquals(
                "P91D",
                data(defaults, "response-service")
                        .path("VOC_RETENTION_OPENED_INVITATIONS")
                        .asText());
        for (String service : Chart.SERVICES) {
            if (!service.equals("response-service")) {
                assertFalse(data(defaults, service).has("VOC_RETENTION_OPENED_INVITATIONS"), service);
            }
        }
        List<ObjectNode> longer =
                Chart.render(Chart.ci("default"), Map.of("responseService.retention.openedInvitations", "P120D"));
        assertEquals(
                "P120D",
                data(longer, "response-service")
                        .path("VOC_RETENTION_OPENED_INVITATIONS")
                        .asText());
    }

    @Test
    void aLimitThatIsNotADurationIsRefused() {
        assertThrows(
                Exception.class,
                () -> Chart.render(Chart.ci("default"), Map.of("responseService.retention.verbatims", "365 days")));
    }
}
