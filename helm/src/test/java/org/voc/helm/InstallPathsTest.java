package org.voc.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The two install paths of k8s/README.md, each rendered whole as it would be applied (kubectl kustomize for k8s/, the
 * embedded Helm for the chart): every object has exactly one owner, and each path brings what its services need.
 */
class InstallPathsTest {

    /** k8s/platform plus the chart with helm/ci/self-contained-values.yaml, installed in namespace voc. */
    private static List<ObjectNode> selfContained() {
        List<ObjectNode> objects = new ArrayList<>(Kustomize.render(Kustomize.k8s("platform")));
        objects.addAll(Chart.render(Chart.ci("self-contained")));
        return objects;
    }

    /** k8s/platform, its service-resources and the prod overlay, applied without Helm. */
    private static List<ObjectNode> plain() {
        List<ObjectNode> objects = new ArrayList<>(Kustomize.render(Kustomize.k8s("platform")));
        objects.addAll(Kustomize.render(Kustomize.k8s("platform/service-resources")));
        objects.addAll(Kustomize.render(Kustomize.k8s("overlays/prod")));
        return objects;
    }

    /** Keys that more than one object claims, with how many claim each. */
    private static Map<String, Integer> claimedTwice(List<ObjectNode> objects, Function<ObjectNode, String> key) {
        Map<String, Integer> counts = new TreeMap<>();
        for (ObjectNode object : objects) {
            String k = key.apply(object);
            if (k != null) {
                counts.merge(k, 1, Integer::sum);
            }
        }
        counts.values().removeIf(n -> n == 1);
        return counts;
    }

    private static String identity(ObjectNode o) {
        return o.path("kind").asText() + " "
                + o.path("metadata").path("namespace").asText("(default)") + "/"
                + o.path("metadata").path("name").asText();
    }

    /** What an object provides beyond its name: a database, a topic, a realm (two owners under different names). */
    private static String purpose(ObjectNode o) {
        JsonNode spec = o.path("spec");
        return switch (o.path("kind").asText()) {
            case "Cluster" ->
                "database "
                        + spec.path("bootstrap").path("initdb").path("database").asText();
            case "KafkaTopic" ->
                "topic "
                        + spec.path("topicName")
                                .asText(o.path("metadata").path("name").asText());
            case "KeycloakRealmImport" ->
                "realm " + spec.path("realm").path("realm").asText();
            default -> null;
        };
    }

    private static void assertOneOwnerEach(List<ObjectNode> objects) {
        assertEquals(Map.of(), claimedTwice(objects, InstallPathsTest::identity), "objects rendered twice");
        assertEquals(Map.of(), claimedTwice(objects, InstallPathsTest::purpose), "provided twice under two names");
    }

    @Test
    void theSelfContainedHelmInstallOwnsEachObjectOnce() {
        List<ObjectNode> objects = selfContained();
        assertOneOwnerEach(objects);
        List<String> databases = objects.stream()
                .map(InstallPathsTest::purpose)
                .filter(p -> p != null && p.startsWith("database voc_"))
                .sorted()
                .toList();
        assertEquals(
                List.of(
                        "database voc_case",
                        "database voc_metrics",
                        "database voc_response",
                        "database voc_survey",
                        "database voc_touchpoint"),
                databases);
        assertTrue(objects.stream().anyMatch(o -> "realm voc".equals(purpose(o))));
    }

    @Test
    void thePlainManifestsOwnEachObjectOnce() {
        List<ObjectNode> objects = plain();
        assertOneOwnerEach(objects);
        assertTrue(objects.stream().anyMatch(o -> "realm voc".equals(purpose(o))));
    }

    @Test
    void theSelfContainedValuesPointAtThePlatformsKafkaAndKeycloak() {
        List<ObjectNode> platform = Kustomize.render(Kustomize.k8s("platform"));
        ObjectNode kafka = Chart.named(platform, "Kafka", "voc-kafka");
        String namespace = kafka.path("metadata").path("namespace").asText();
        // The topic operator watches its Kafka cluster's namespace only: the release must be installed there.
        assertEquals(Chart.NAMESPACE, namespace, "install namespace of the chart (k8s/README.md)");
        List<ObjectNode> chart = Chart.render(Chart.ci("self-contained"));
        JsonNode data = Chart.named(chart, "ConfigMap", "voc-case-service").path("data");
        String bootstrap = data.path("VOC_KAFKA_BOOTSTRAP").asText();
        assertTrue(
                bootstrap.startsWith("voc-kafka-kafka-bootstrap." + namespace + ".svc:"),
                "Strimzi's bootstrap Service of voc-kafka in " + namespace + ": " + bootstrap);
        for (ObjectNode topic : Chart.ofKind(chart, "KafkaTopic")) {
            assertEquals(namespace, topic.path("metadata").path("namespace").asText(), Chart.id(topic));
            assertEquals(
                    "voc-kafka",
                    topic.path("metadata")
                            .path("labels")
                            .path("strimzi.io/cluster")
                            .asText());
        }
        ObjectNode realm = Chart.ofKind(chart, "KeycloakRealmImport").get(0);
        Chart.named(
                platform, "Keycloak", realm.path("spec").path("keycloakCRName").asText());
    }

    @Test
    void everyKustomizationBuildsIntoValidObjects() {
        List<String> problems = new ArrayList<>();
        for (String dir : List.of("base", "overlays/dev", "overlays/prod", "platform", "platform/service-resources")) {
            List<ObjectNode> objects = Kustomize.render(Kustomize.k8s(dir));
            assertTrue(objects.size() > 1, dir + " rendered nothing");
            for (ObjectNode object : objects) {
                List<String> found = KubernetesModel.isBuiltIn(object)
                        ? KubernetesModel.problems(object)
                        : CustomResources.problems(object);
                found.forEach(p -> problems.add(dir + " " + Chart.id(object) + ": " + p));
            }
        }
        assertEquals(List.of(), problems);
    }
}
