package org.voc.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Distribution and signed invitations: survey-service's key encryption secret and link base URL, response-service's
 * JWKS URL and forwarded client addresses, and the NetworkPolicy path between the two.
 */
class InvitationSettingsTest {

    @TempDir
    Path dir;

    private static JsonNode data(List<ObjectNode> objects, String service) {
        return Chart.named(objects, "ConfigMap", Chart.RELEASE + "-" + service).path("data");
    }

    private static JsonNode env(List<ObjectNode> objects, String service) {
        return Chart.named(objects, "Deployment", Chart.RELEASE + "-" + service)
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0)
                .path("env");
    }

    private static JsonNode variable(JsonNode env, String name) {
        for (JsonNode variable : env) {
            if (name.equals(variable.path("name").asText())) {
                return variable;
            }
        }
        return null;
    }

    @Test
    void surveyServiceReadsTheKeyEncryptionSecretFromTheNamedSecretOnly() {
        List<ObjectNode> objects = Chart.render(Chart.ci("default"));
        JsonNode secret = variable(env(objects, "survey-service"), "VOC_INVITATION_KEY_SECRET");
        assertEquals(
                "voc-invitation-keys",
                secret.path("valueFrom").path("secretKeyRef").path("name").asText());
        assertEquals(
                "encryption-secret",
                secret.path("valueFrom").path("secretKeyRef").path("key").asText());
        for (String service : Chart.SERVICES) {
            assertFalse(
                    data(objects, service).has("VOC_INVITATION_KEY_SECRET"),
                    service + ": the secret is never in a ConfigMap");
            if (!service.equals("survey-service")) {
                assertNull(
                        variable(env(objects, service), "VOC_INVITATION_KEY_SECRET"),
                        service + " gets the invitation key secret");
            }
        }
        assertTrue(
                Chart.ofKind(objects, "Secret").isEmpty(),
                "the chart generates no Secret (an upgrade would rotate it)");

        JsonNode custom = variable(
                env(
                        Chart.render(
                                Chart.ci("default"),
                                Map.of(
                                        "surveyService.invitationKeys.existingSecret", "cx-invitation-secret",
                                        "surveyService.invitationKeys.secretKey", "key")),
                        "survey-service"),
                "VOC_INVITATION_KEY_SECRET");
        assertEquals(
                "cx-invitation-secret",
                custom.path("valueFrom").path("secretKeyRef").path("name").asText());
        assertEquals(
                "key", custom.path("valueFrom").path("secretKeyRef").path("key").asText());
    }

    @Test
    void invitationLinksDefaultToTheIngressHostOverHttps() {
        assertEquals(
                "https://voc.example.com",
                data(Chart.render(Chart.ci("default")), "survey-service")
                        .path("VOC_DISTRIBUTION_LINK_BASE_URL")
                        .asText());
        assertEquals(
                "https://voc.corp.example",
                data(Chart.render(Chart.ci("production")), "survey-service")
                        .path("VOC_DISTRIBUTION_LINK_BASE_URL")
                        .asText());
        assertEquals(
                "https://voc.example.com",
                data(Chart.render(Chart.ci("default"), Map.of("ingress.tls.enabled", false)), "survey-service")
                        .path("VOC_DISTRIBUTION_LINK_BASE_URL")
                        .asText(),
                "TLS may end in front of the Ingress");
        assertEquals(
                "https://feedback.example.org/cx",
                data(
                                Chart.render(
                                        Chart.ci("default"),
                                        Map.of(
                                                "surveyService.distribution.linkBaseUrl",
                                                "https://feedback.example.org/cx/")),
                                "survey-service")
                        .path("VOC_DISTRIBUTION_LINK_BASE_URL")
                        .asText(),
                "no trailing slash: links are <base>/s/<token>");
        assertEquals(
                "http://surveys.internal",
                data(
                                Chart.render(
                                        Chart.ci("default"),
                                        Map.of(
                                                "ingress.enabled",
                                                false,
                                                "surveyService.distribution.linkBaseUrl",
                                                "http://surveys.internal")),
                                "survey-service")
                        .path("VOC_DISTRIBUTION_LINK_BASE_URL")
                        .asText());
    }

    @Test
    void responseServiceFetchesTheJwksFromTheReleasesSurveyService() {
        String jwks = data(Chart.render(Chart.ci("default")), "response-service")
                .path("VOC_INVITATIONS_JWKS_URL")
                .asText();
        assertEquals("http://voc-survey-service/api/invitation-keys/jwks", jwks);
        // The URL names the Service the chart renders, on its port 80.
        List<ObjectNode> objects = Chart.render(Chart.ci("default"), Map.of("fullnameOverride", "cx"));
        assertEquals(
                "http://cx-survey-service/api/invitation-keys/jwks",
                Chart.named(objects, "ConfigMap", "cx-response-service")
                        .path("data")
                        .path("VOC_INVITATIONS_JWKS_URL")
                        .asText());
        assertEquals(
                80,
                Chart.named(objects, "Service", "cx-survey-service")
                        .path("spec")
                        .path("ports")
                        .get(0)
                        .path("port")
                        .asInt());
        assertEquals(
                "http://keys.example.org/jwks",
                data(
                                Chart.render(
                                        Chart.ci("default"),
                                        Map.of("responseService.invitations.jwksUrl", "http://keys.example.org/jwks")),
                                "response-service")
                        .path("VOC_INVITATIONS_JWKS_URL")
                        .asText());
        List<ObjectNode> defaults = Chart.render(Chart.ci("default"));
        for (String service : Chart.SERVICES) {
            if (!service.equals("response-service")) {
                assertFalse(data(defaults, service).has("VOC_INVITATIONS_JWKS_URL"), service);
            }
        }
    }

    @Test
    void responseServiceBelievesForwardedHeadersOnlyFromTheListedProxies() throws IOException {
        JsonNode defaults = data(Chart.render(Chart.ci("default")), "response-service");
        assertFalse(
                defaults.has("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING"),
                "no proxies listed: no forwarded header is believed (Quarkus would trust every peer)");
        assertFalse(defaults.has("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED"));
        JsonNode production = data(Chart.render(Chart.ci("production")), "response-service");
        assertEquals(
                "true",
                production.path("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING").asText());
        assertEquals(
                "true", production.path("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED").asText());
        assertFalse(production.has("QUARKUS_HTTP_PROXY_ALLOW_FORWARDED"));
        assertEquals(
                "10.42.0.0/16",
                production.path("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES").asText());
        JsonNode standard = data(
                Chart.render(
                        Chart.ci("default"),
                        Map.of(
                                "responseService.forwardedHeaders.trustedProxies[0]", "10.42.0.0/16",
                                "responseService.forwardedHeaders.trustedProxies[1]", "fd00::/8",
                                "responseService.forwardedHeaders.header", "Forwarded")),
                "response-service");
        assertEquals(
                "10.42.0.0/16,fd00::/8",
                standard.path("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES").asText());
        assertEquals("true", standard.path("QUARKUS_HTTP_PROXY_ALLOW_FORWARDED").asText());
        assertFalse(standard.has("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED"), "only the header the proxies set");
        for (String service : Chart.SERVICES) {
            if (!service.equals("response-service")) {
                assertFalse(
                        data(Chart.render(Chart.ci("production")), service)
                                .has("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING"),
                        service);
            }
        }
        // Without the chart's Ingress (or when switched off) no forwarded header is believed.
        for (Map<String, Object> sets : List.of(
                Map.<String, Object>of("responseService.forwardedHeaders.enabled", false),
                Map.<String, Object>of(
                        "ingress.enabled",
                        false,
                        "surveyService.distribution.linkBaseUrl",
                        "https://voc.example.com"))) {
            JsonNode off = data(Chart.render(Chart.ci("production"), sets), "response-service");
            assertFalse(off.has("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING"), sets.toString());
            assertFalse(off.has("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED"), sets.toString());
        }
        // A setting in responseService.config wins over the chart's, without a duplicate key.
        Path values = Files.writeString(
                dir.resolve("override.yaml"),
                "responseService:\n  forwardedHeaders:\n    trustedProxies: [10.42.0.0/16]\n"
                        + "  config:\n    QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED: \"false\"\n");
        JsonNode overridden = data(Chart.render(values), "response-service");
        assertEquals(
                "false", overridden.path("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED").asText());
        String manifests = Chart.template(List.of(values), Map.of());
        assertEquals(
                1,
                manifests.split("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED:", -1).length - 1,
                "a duplicate key in the ConfigMap");
    }

    @Test
    void networkPoliciesLetResponseServiceReachSurveyServiceOnly() {
        List<ObjectNode> objects = Chart.render(Chart.ci("production"));
        JsonNode surveyPodLabels = Chart.named(objects, "Deployment", "voc-survey-service")
                .path("spec")
                .path("template")
                .path("metadata")
                .path("labels");
        JsonNode responsePodLabels = Chart.named(objects, "Deployment", "voc-response-service")
                .path("spec")
                .path("template")
                .path("metadata")
                .path("labels");
        Map<String, List<JsonNode>> toReleasePods = new HashMap<>();
        for (ObjectNode policy : Chart.ofKind(objects, "NetworkPolicy")) {
            List<JsonNode> rules = new ArrayList<>();
            for (JsonNode rule : policy.path("spec").path("egress")) {
                for (JsonNode peer : rule.path("to")) {
                    if (peer.has("podSelector")
                            && !peer.has("namespaceSelector")
                            && WorkloadPolicy.matches(peer.path("podSelector").path("matchLabels"), surveyPodLabels)) {
                        rules.add(rule);
                    }
                }
            }
            toReleasePods.put(policy.path("metadata").path("name").asText(), rules);
        }
        assertEquals(
                1,
                toReleasePods.get("voc-response-service").size(),
                "response-service -> survey-service: " + toReleasePods);
        assertEquals(
                8080,
                toReleasePods
                        .get("voc-response-service")
                        .get(0)
                        .path("ports")
                        .get(0)
                        .path("port")
                        .asInt());
        toReleasePods.forEach((policy, rules) -> {
            if (!policy.equals("voc-response-service")) {
                assertEquals(List.of(), rules, policy + " may reach survey-service");
            }
        });
        // survey-service lets the release's pods in, response-service among them.
        boolean admitted = false;
        for (JsonNode rule : Chart.named(objects, "NetworkPolicy", "voc-survey-service")
                .path("spec")
                .path("ingress")) {
            for (JsonNode peer : rule.path("from")) {
                admitted |= peer.has("podSelector")
                        && !peer.has("namespaceSelector")
                        && WorkloadPolicy.matches(peer.path("podSelector").path("matchLabels"), responsePodLabels);
            }
        }
        assertTrue(admitted, "survey-service's NetworkPolicy does not admit response-service");
    }
}
