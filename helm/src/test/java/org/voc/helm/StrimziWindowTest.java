package org.voc.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Strimzi window of k8s/README.md ("Strimzi versions"): every Strimzi object the chart and k8s/platform render is
 * valid against the kafka.strimzi.io/v1 CRDs of both ends of the window, and the Kafka version runs on both.
 */
class StrimziWindowTest {

    /** First release serving kafka.strimzi.io/v1, and the last one that runs Kafka 4.1. */
    static final List<String> WINDOW = List.of("0.49.1", "1.0.1");

    private static final List<String> CRDS =
            List.of("040-Crd-kafka.yaml", "043-Crd-kafkatopic.yaml", "045-Crd-kafkanodepool.yaml");

    private static List<ObjectNode> strimziObjects() {
        List<ObjectNode> objects = new ArrayList<>(Kustomize.render(Kustomize.k8s("platform")));
        objects.addAll(Kustomize.render(Kustomize.k8s("platform/service-resources")));
        objects.addAll(Chart.render(Chart.ci("self-contained")));
        return objects.stream()
                .filter(o -> o.path("apiVersion").asText().startsWith("kafka.strimzi.io/"))
                .toList();
    }

    @ParameterizedTest(name = "Strimzi {0}")
    @ValueSource(strings = {"0.49.1", "1.0.1"})
    void everyStrimziObjectIsValidAgainstTheCrds(String release) {
        List<CrdSchema> schemas = CRDS.stream()
                .map(crd -> CrdSchema.load("crds/strimzi-" + release + "/" + crd, "v1"))
                .toList();
        List<ObjectNode> objects = strimziObjects();
        assertTrue(objects.size() > 20, "Kafka, node pool and the topics: " + objects.size());
        List<String> problems = new ArrayList<>();
        for (ObjectNode object : objects) {
            CrdSchema schema = schemas.stream()
                    .filter(s -> s.describes(object))
                    .findFirst()
                    .orElse(null);
            if (schema == null) {
                problems.add(Chart.id(object) + ": " + object.path("apiVersion").asText() + " is not served by Strimzi "
                        + release);
                continue;
            }
            schema.problems(object).forEach(p -> problems.add(Chart.id(object) + p));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theKafkaVersionRunsOnBothEndsOfTheWindow() {
        ObjectNode kafka = Chart.named(strimziObjects(), "Kafka", "voc-kafka");
        String version = kafka.path("spec").path("kafka").path("version").asText();
        assertFalse(version.isBlank());
        for (String release : WINDOW) {
            assertTrue(supported(release).contains(version), "Strimzi " + release + " does not run Kafka " + version);
        }
        // The broker the tests run locally is the same minor version (local/infra.sh, build-environment.md).
        assertTrue(version.startsWith("4.1."), version);
    }

    @Test
    void theReadmeStatesTheWindow() {
        String readme = Chart.read(Kustomize.k8s("README.md"));
        assertTrue(readme.contains("Strimzi 0.49"), "k8s/README.md must state the first supported Strimzi release");
        assertTrue(readme.contains("1.0.x"), "k8s/README.md must state the last supported Strimzi release");
        assertFalse(readme.contains("Strimzi 0.45"), "k8s/README.md still names Strimzi 0.45");
    }

    private static List<String> supported(String release) {
        try (InputStream in =
                StrimziWindowTest.class.getResourceAsStream("/crds/strimzi-" + release + "/kafka-versions.yaml")) {
            List<String> versions = new ArrayList<>();
            for (JsonNode v : Chart.YAML.readTree(in)) {
                if (v.path("supported").asBoolean()) {
                    versions.add(v.path("version").asText());
                }
            }
            return versions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
