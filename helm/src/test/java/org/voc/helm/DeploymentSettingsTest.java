package org.voc.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Settings of the rendered workloads that a platform review found wrong: the PostgreSQL CA, duplicate ConfigMap keys,
 * topology spread, the shutdown budget and the heap against the memory limit. Each holds for the chart (every values
 * set under helm/ci/) and, where they have the setting, for the plain manifests built with kubectl kustomize.
 */
class DeploymentSettingsTest {

    private static final Pattern MIB = Pattern.compile("(\\d+) MiB");

    /** Every Deployment a platform team could apply: the chart with each ci values set, and the two overlays. */
    private static List<ObjectNode> allDeployments() {
        List<ObjectNode> deployments = new ArrayList<>();
        Chart.ciValues().forEach(v -> deployments.addAll(Chart.ofKind(Chart.render(v), "Deployment")));
        for (String overlay : List.of("overlays/dev", "overlays/prod")) {
            deployments.addAll(Chart.ofKind(Kustomize.render(Kustomize.k8s(overlay)), "Deployment"));
        }
        return deployments;
    }

    private static JsonNode pod(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec");
    }

    private static JsonNode volume(JsonNode deployment, String name) {
        for (JsonNode volume : pod(deployment).path("volumes")) {
            if (name.equals(volume.path("name").asText())) {
                return volume;
            }
        }
        return null;
    }

    @Test
    void verifyFullMountsTheServersCaAndPassesItAsSslRootCert() {
        List<ObjectNode> objects = Chart.render(Chart.ci("production"));
        for (String service : Chart.SERVICES) {
            String name = Chart.RELEASE + "-" + service;
            JsonNode data = Chart.named(objects, "ConfigMap", name).path("data");
            assertTrue(
                    data.path("QUARKUS_DATASOURCE_JDBC_URL")
                            .asText()
                            .endsWith("?sslmode=verify-full&sslrootcert=/etc/voc/postgresql-ca/root.crt"),
                    data.toString());
            ObjectNode deployment = Chart.named(objects, "Deployment", name);
            JsonNode ca = volume(deployment, "postgresql-ca");
            assertEquals("voc-pg-ca", ca.path("secret").path("secretName").asText(), name);
            assertEquals(
                    "root.crt",
                    ca.path("secret").path("items").get(0).path("path").asText());
            assertTrue(pod(deployment)
                    .path("containers")
                    .get(0)
                    .path("volumeMounts")
                    .toString()
                    .contains("\"mountPath\":\"/etc/voc/postgresql-ca\""));
        }
        // CloudNativePG: each cluster's own CA Secret.
        ObjectNode cnpg = Chart.named(
                Chart.render(Chart.ci("self-contained"), Map.of("postgresql.sslMode", "verify-full")),
                "Deployment",
                "voc-case-service");
        assertEquals(
                "voc-case-service-db-ca",
                volume(cnpg, "postgresql-ca").path("secret").path("secretName").asText());
        Exception noCa = assertThrows(
                Exception.class,
                () -> Chart.template(List.of(Chart.ci("default")), Map.of("postgresql.sslMode", "verify-ca")));
        assertTrue(noCa.getMessage().contains("set postgresql.tls.caSecret"), noCa.getMessage());
    }

    @Test
    void aSharedSettingOverriddenForOneServiceAppearsOnceInItsConfigMap() {
        Path values = HelmTestPodTest.writeValues("caseService:\n  config:\n    VOC_KAFKA_BOOTSTRAP: other:9092\n"
                + "    VOC_SHUTDOWN_TIMEOUT: 12s\n"
                + "responseService:\n  config:\n    VOC_INVITATIONS_JWKS_URL: http://x/jwks\n");
        String manifests = Chart.template(List.of(Chart.ci("default"), values), Map.of());
        for (String document : manifests.split("(?m)^---$")) {
            if (!document.contains("kind: ConfigMap")) {
                continue;
            }
            List<String> keys = document.lines()
                    .filter(l -> l.matches("^  [A-Z][A-Z0-9_]*:.*"))
                    .map(l -> l.substring(2, l.indexOf(':')))
                    .toList();
            assertEquals(keys.stream().distinct().count(), keys.size(), "duplicate keys in " + document);
        }
        List<ObjectNode> objects = Chart.parse(manifests);
        JsonNode caseData =
                Chart.named(objects, "ConfigMap", "voc-case-service").path("data");
        assertEquals("other:9092", caseData.path("VOC_KAFKA_BOOTSTRAP").asText());
        assertEquals("12s", caseData.path("VOC_SHUTDOWN_TIMEOUT").asText());
        assertEquals(
                "http://x/jwks",
                Chart.named(objects, "ConfigMap", "voc-response-service")
                        .path("data")
                        .path("VOC_INVITATIONS_JWKS_URL")
                        .asText());
    }

    @Test
    void everySpreadCountsOnlyEligibleNodesAndEachRolloutOnItsOwn() {
        for (ObjectNode deployment : allDeployments()) {
            JsonNode constraints = pod(deployment).path("topologySpreadConstraints");
            assertFalse(constraints.isEmpty(), Chart.id(deployment));
            for (JsonNode constraint : constraints) {
                String where = Chart.id(deployment) + " " + constraint;
                assertEquals(
                        "[\"pod-template-hash\"]",
                        constraint.path("matchLabelKeys").toString(),
                        where);
                assertEquals("Honor", constraint.path("nodeAffinityPolicy").asText(), where);
                assertEquals("Honor", constraint.path("nodeTaintsPolicy").asText(), where);
            }
        }
        // maxSkew balances pods, it does not keep them apart: no comment may promise one pod per node.
        for (Path file :
                List.of(Chart.chartDir().resolve("values.yaml"), Kustomize.k8s("overlays/prod/spread-hard.yaml"))) {
            assertFalse(Chart.read(file).toLowerCase().contains("never two pods"), file.toString());
        }
    }

    private static int seconds(String duration) {
        Matcher m = Pattern.compile("(\\d+)s").matcher(duration);
        assertTrue(m.matches(), duration);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void theShutdownFitsTheGracePeriodAfterThePreStopPause() {
        // Each service reads its shutdown timeout from VOC_SHUTDOWN_TIMEOUT, with this default.
        int defaultTimeout = 0;
        for (String service : Chart.SERVICES) {
            String properties =
                    Chart.read(Chart.repoRoot().resolve(service + "/src/main/resources/application.properties"));
            Matcher m = Pattern.compile("(?m)^quarkus\\.shutdown\\.timeout=\\$\\{VOC_SHUTDOWN_TIMEOUT:(\\d+s)}$")
                    .matcher(properties);
            assertTrue(m.find(), service + ": quarkus.shutdown.timeout must come from VOC_SHUTDOWN_TIMEOUT");
            defaultTimeout = Math.max(defaultTimeout, seconds(m.group(1)));
        }
        List<ObjectNode> objects = new ArrayList<>();
        Chart.ciValues().forEach(v -> objects.addAll(Chart.render(v)));
        objects.addAll(Chart.render(
                Chart.ci("default"),
                Map.of("rollout.terminationGracePeriodSeconds", 90, "rollout.preStopSleepSeconds", 20)));
        objects.addAll(Kustomize.render(Kustomize.k8s("overlays/prod")));
        for (ObjectNode deployment : Chart.ofKind(objects, "Deployment")) {
            JsonNode pod = pod(deployment);
            JsonNode container = pod.path("containers").get(0);
            int grace = pod.path("terminationGracePeriodSeconds").asInt(30);
            int preStop = container
                    .path("lifecycle")
                    .path("preStop")
                    .path("sleep")
                    .path("seconds")
                    .asInt(0);
            String configMap = container.path("envFrom").findValuesAsText("name").stream()
                    .filter(n -> !n.equals("voc-platform"))
                    .findFirst()
                    .orElseThrow();
            JsonNode data = Chart.named(objects, "ConfigMap", configMap).path("data");
            int timeout = data.has("VOC_SHUTDOWN_TIMEOUT")
                    ? seconds(data.path("VOC_SHUTDOWN_TIMEOUT").asText())
                    : defaultTimeout;
            // SIGTERM comes after the preStop pause; 10 s stay for the writers and the outbox relay to drain.
            assertTrue(
                    preStop + timeout + 10 <= grace,
                    Chart.id(deployment) + ": preStop " + preStop + " s + shutdown " + timeout + " s + 10 s > grace "
                            + grace + " s");
        }
    }

    /** The largest non-heap resident memory measured under load, and the largest RSS of an idle warmed-up service. */
    private static int[] measuredMemory() {
        String performance = Chart.read(Chart.repoRoot().resolve("docs/performance.md"));
        int nonHeap = 0;
        int idle = 0;
        // | format | heap (-Xmx) | body | time | RSS before | RSS during (min – max) | RSS after |
        for (String row : performance
                .lines()
                .filter(l -> l.startsWith("| CSV ") || l.startsWith("| NDJSON "))
                .toList()) {
            String[] cells = row.split("\\|");
            int heap = mib(cells[2]);
            List<Integer> during = new ArrayList<>();
            Matcher m = MIB.matcher(cells[6]);
            while (m.find()) {
                during.add(Integer.parseInt(m.group(1)));
            }
            int peak = Math.max(during.get(during.size() - 1), mib(cells[7]));
            nonHeap = Math.max(nonHeap, peak - heap);
            idle = Math.max(idle, mib(cells[5]));
        }
        assertTrue(nonHeap > 100 && idle > 100, "no RSS figures found in docs/performance.md, \"Verbatim export\"");
        return new int[] {nonHeap, idle};
    }

    private static int mib(String text) {
        Matcher m = MIB.matcher(text);
        assertTrue(m.find(), text);
        return Integer.parseInt(m.group(1));
    }

    private static int quantityMib(String quantity) {
        if (quantity.endsWith("Gi")) {
            return Integer.parseInt(quantity.substring(0, quantity.length() - 2)) * 1024;
        }
        assertTrue(quantity.endsWith("Mi"), quantity);
        return Integer.parseInt(quantity.substring(0, quantity.length() - 2));
    }

    @Test
    void theHeapLeavesRoomForTheMeasuredNonHeapMemoryAndRequestsCoverAnIdleService() {
        int[] measured = measuredMemory();
        int nonHeap = measured[0];
        int idle = measured[1];
        List<ObjectNode> objects = new ArrayList<>();
        Chart.ciValues().forEach(v -> objects.addAll(Chart.render(v)));
        objects.addAll(Kustomize.render(Kustomize.k8s("overlays/prod")));
        objects.addAll(Kustomize.render(Kustomize.k8s("overlays/dev")));
        for (ObjectNode deployment : Chart.ofKind(objects, "Deployment")) {
            JsonNode container = pod(deployment).path("containers").get(0);
            String options = null;
            for (JsonNode from : container.path("envFrom")) {
                JsonNode data = Chart.named(
                                objects,
                                "ConfigMap",
                                from.path("configMapRef").path("name").asText())
                        .path("data");
                if (data.has("JAVA_TOOL_OPTIONS")) {
                    options = data.path("JAVA_TOOL_OPTIONS").asText();
                }
            }
            Matcher percent = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(String.valueOf(options));
            assertTrue(percent.find(), Chart.id(deployment) + ": heap not set as a share of the limit: " + options);
            JsonNode resources = container.path("resources");
            int limit = quantityMib(resources.path("limits").path("memory").asText());
            int heap = limit * Integer.parseInt(percent.group(1)) / 100;
            String id = Chart.id(deployment) + " (" + limit + " MiB limit, " + heap + " MiB heap, " + nonHeap
                    + " MiB non-heap measured)";
            assertTrue(heap + nonHeap <= limit, id + ": a full heap would be killed by the memory limit");
            assertTrue(
                    quantityMib(resources.path("requests").path("memory").asText()) >= idle,
                    id + ": requests below the " + idle + " MiB an idle service holds");
        }
    }
}
