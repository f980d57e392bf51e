package org.voc.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The workload policies hold for every values set under helm/ci/. */
class WorkloadPolicyTest {

    static Stream<Path> ciValues() {
        return Chart.ciValues().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciValues")
    void deploymentsAreSafeToRunAndToRoll(Path values) {
        assertEquals(List.of(), WorkloadPolicy.deployments(Chart.render(values)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciValues")
    void servicesPdbsHpasAndPoliciesPointAtTheirWorkload(Path values) {
        List<ObjectNode> objects = Chart.render(values);
        List<String> problems = new ArrayList<>(WorkloadPolicy.services(objects));
        problems.addAll(WorkloadPolicy.companions(objects));
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciValues")
    void everyReferencedConfigMapOrSecretKeyIsRenderedOrDocumented(Path values) {
        List<ObjectNode> objects = new ArrayList<>(Chart.render(values));
        objects.addAll(Chart.renderHooks(values));
        String operations = Chart.read(Chart.repoRoot().resolve("docs/operations.md"));
        assertEquals(List.of(), WorkloadPolicy.references(objects, operations, Chart.SERVICES));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciValues")
    void testPodIsRestrictedAndChecksEveryService(Path values) {
        ObjectNode pod = Chart.named(Chart.renderHooks(values), "Pod", Chart.RELEASE + "-test-ready");
        JsonNode spec = pod.path("spec");
        assertTrue(spec.path("securityContext").path("runAsNonRoot").asBoolean());
        JsonNode container = spec.path("containers").get(0);
        assertFalse(container
                .path("securityContext")
                .path("allowPrivilegeEscalation")
                .asBoolean(true));
        assertFalse(container
                .path("resources")
                .path("limits")
                .path("memory")
                .asText()
                .isBlank());
        String script = container.path("args").toString();
        for (String service : Chart.SERVICES) {
            assertTrue(
                    script.contains("http://" + Chart.RELEASE + "-" + service + "/q/health/ready"),
                    service + " not checked: " + script);
        }
    }

    @Test
    void autoscaledDeploymentsStartAtTheHpasMinimumInsteadOfDroppingTheirReplicas() {
        List<ObjectNode> objects = Chart.render(Chart.ci("production"));
        assertEquals(5, Chart.ofKind(objects, "HorizontalPodAutoscaler").size());
        assertEquals(5, Chart.ofKind(objects, "NetworkPolicy").size());
        assertEquals(5, Chart.ofKind(objects, "ServiceMonitor").size());
        // A Deployment without spec.replicas is reset to 1 pod when an upgrade removes the field.
        for (ObjectNode deployment : Chart.ofKind(objects, "Deployment")) {
            ObjectNode hpa = WorkloadPolicy.hpaFor(objects, deployment);
            assertEquals(
                    hpa.path("spec").path("minReplicas").asInt(),
                    deployment.path("spec").path("replicas").asInt(-1),
                    Chart.id(deployment));
            JsonNode behavior = hpa.path("spec").path("behavior");
            assertTrue(
                    behavior.path("scaleUp").path("stabilizationWindowSeconds").asInt() >= 120,
                    "a JIT warm-up's CPU burst must not scale out: " + Chart.id(hpa));
        }
        ObjectNode response = Chart.named(objects, "HorizontalPodAutoscaler", "voc-response-service");
        assertEquals(3, response.path("spec").path("minReplicas").asInt());
    }

    @Test
    void configurationReachesTheServicesAsTheirEnvironment() {
        List<ObjectNode> objects = Chart.render(Chart.ci("production"));
        JsonNode data = Chart.named(objects, "ConfigMap", "voc-survey-service").path("data");
        assertEquals("8080", data.path("PORT").asText());
        assertEquals("voc_survey", data.path("VOC_DB_NAME").asText());
        assertEquals(
                "https://sso.corp.example/realms/voc", data.path("VOC_OIDC_URL").asText());
        assertEquals("voc-api", data.path("QUARKUS_OIDC_TOKEN_AUDIENCE").asText());
        assertEquals("SASL_SSL", data.path("KAFKA_SECURITY_PROTOCOL").asText());
        assertEquals("SCRAM-SHA-512", data.path("KAFKA_SASL_MECHANISM").asText());
        assertEquals(
                "/etc/voc/kafka-ca/ca.crt",
                data.path("KAFKA_SSL_TRUSTSTORE_LOCATION").asText());
        assertEquals(
                "jdbc:postgresql://voc-pg.databases.svc:5432/voc_survey?sslmode=verify-full"
                        + "&sslrootcert=/etc/voc/postgresql-ca/root.crt",
                data.path("QUARKUS_DATASOURCE_JDBC_URL").asText());
        assertTrue(data.path("JAVA_TOOL_OPTIONS").asText().contains("-Dvertx.cacheDirBase=/tmp/vertx"));
        assertTrue(data.path("JAVA_TOOL_OPTIONS").asText().contains("-XX:MaxRAMPercentage=50"));
        JsonNode env = Chart.named(objects, "Deployment", "voc-survey-service")
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0)
                .path("env");
        assertEquals("voc-kafka-user", secretOf(env, "KAFKA_SASL_JAAS_CONFIG"));
        assertEquals("voc-oidc-client", secretOf(env, "QUARKUS_OIDC_CREDENTIALS_SECRET"));
        assertEquals("voc-survey-service-db", secretOf(env, "VOC_PG_PASSWORD"));
        JsonNode touchpointEnv = Chart.named(objects, "Deployment", "voc-touchpoint-registry")
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0)
                .path("env");
        assertEquals("voc-touchpoint-db-credentials", secretOf(touchpointEnv, "VOC_PG_USER"));
        assertEquals(
                "registry.corp.example/voc-platform/voc-survey-service:0.1.0",
                Chart.named(objects, "Deployment", "voc-survey-service")
                        .path("spec")
                        .path("template")
                        .path("spec")
                        .path("containers")
                        .get(0)
                        .path("image")
                        .asText());
    }

    private static String secretOf(JsonNode env, String name) {
        for (JsonNode variable : env) {
            if (name.equals(variable.path("name").asText())) {
                return variable.path("valueFrom")
                        .path("secretKeyRef")
                        .path("name")
                        .asText();
            }
        }
        return null;
    }
}
