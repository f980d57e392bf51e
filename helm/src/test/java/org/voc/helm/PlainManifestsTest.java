package org.voc.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The manifests under k8s/ for teams without Helm, file by file (InstallPathsTest builds them with kubectl kustomize):
 * every file parses into valid objects, every path a kustomization lists exists,
 * and the base workloads meet the same policies as the chart's.
 */
class PlainManifestsTest {

    static Path k8s() {
        return Path.of(System.getProperty("voc.k8s.dir", "../k8s"))
                .toAbsolutePath()
                .normalize();
    }

    static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> files = Files.walk(k8s())) {
            return files.filter(
                            f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        }
    }

    static List<JsonNode> documents(Path file) {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = Chart.YAML.getFactory().createParser(file.toFile())) {
            var it = Chart.YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new AssertionError(file + " is not valid YAML: " + e.getMessage(), e);
        }
        return docs;
    }

    /** The objects of a folder's manifests (kustomization files and patches excluded). */
    static List<ObjectNode> objects(Path dir) throws IOException {
        List<ObjectNode> objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")
                            && !f.getFileName().toString().equals("kustomization.yaml"))
                    .sorted()
                    .toList()) {
                documents(file).stream().filter(JsonNode::isObject).forEach(d -> objects.add((ObjectNode) d));
            }
        }
        return objects;
    }

    @Test
    void everyFileParsesIntoValidObjectsOrPatches() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> files = yamlFiles();
        assertTrue(files.size() > 15, "k8s/ looks incomplete: " + files);
        for (Path file : files) {
            String where = k8s().relativize(file).toString();
            for (JsonNode doc : documents(file)) {
                if (file.getFileName().toString().equals("kustomization.yaml")) {
                    if (!"Kustomization".equals(doc.path("kind").asText())) {
                        problems.add(where + ": kind must be Kustomization");
                    }
                } else if (doc.isArray()) {
                    // A JSON 6902 patch: a list of operations.
                    doc.forEach(op -> {
                        if (!op.has("op") || !op.path("path").asText().startsWith("/")) {
                            problems.add(where + ": not a JSON patch operation: " + op);
                        }
                    });
                } else if (doc.path("apiVersion").asText().isBlank()
                        || doc.path("kind").asText().isBlank()
                        || doc.path("metadata").path("name").asText().isBlank()) {
                    problems.add(where + ": a document without apiVersion, kind and metadata.name");
                } else if (KubernetesModel.isBuiltIn(doc)) {
                    KubernetesModel.problems(doc).forEach(p -> problems.add(where + " " + Chart.id(doc) + ": " + p));
                } else if (CustomResources.isKnown(doc)) {
                    CustomResources.problems(doc).forEach(p -> problems.add(where + " " + Chart.id(doc) + ": " + p));
                } else {
                    problems.add(where + ": unknown kind " + KubernetesModel.typeKey(doc));
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyPathAKustomizationListsExists() throws IOException {
        List<String> problems = new ArrayList<>();
        int kustomizations = 0;
        for (Path file : yamlFiles()) {
            if (!file.getFileName().toString().equals("kustomization.yaml")) {
                continue;
            }
            kustomizations++;
            JsonNode k = documents(file).get(0);
            List<String> paths = new ArrayList<>();
            k.path("resources").forEach(r -> paths.add(r.asText()));
            k.path("patches").forEach(p -> {
                if (p.has("path")) {
                    paths.add(p.path("path").asText());
                }
            });
            k.path("patchesStrategicMerge").forEach(p -> paths.add(p.asText()));
            for (String path : paths) {
                Path target = file.getParent().resolve(path).normalize();
                boolean ok = Files.isDirectory(target)
                        ? Files.exists(target.resolve("kustomization.yaml"))
                        : Files.isRegularFile(target);
                if (!ok) {
                    problems.add(k8s().relativize(file) + ": " + path
                            + " does not exist (or is a folder without kustomization.yaml)");
                }
            }
        }
        assertEquals(5, kustomizations, "base, overlays/dev, overlays/prod, platform and platform/service-resources");
        assertEquals(List.of(), problems);
    }

    @Test
    void baseWorkloadsMeetTheChartsPolicies() throws IOException {
        List<ObjectNode> base = objects(k8s().resolve("base"));
        assertEquals(5, Chart.ofKind(base, "Deployment").size());
        for (String kind : List.of("Service", "ConfigMap", "ServiceAccount", "PodDisruptionBudget")) {
            for (String service : Chart.SERVICES) {
                Chart.named(base, kind, service);
            }
        }
        List<String> problems = new ArrayList<>(WorkloadPolicy.deployments(base));
        problems.addAll(WorkloadPolicy.services(base));
        problems.addAll(WorkloadPolicy.companions(base));
        problems.addAll(WorkloadPolicy.references(base, Chart.read(k8s().resolve("README.md")), Chart.SERVICES));
        assertEquals(List.of(), problems);
    }

    @Test
    void overlayPatchesNameObjectsOfTheBase() throws IOException {
        List<ObjectNode> base = objects(k8s().resolve("base"));
        List<String> problems = new ArrayList<>();
        for (String overlay : List.of("dev", "prod")) {
            for (ObjectNode patch : objects(k8s().resolve("overlays").resolve(overlay))) {
                boolean isPatch = base.stream().anyMatch(o -> Chart.id(o).equals(Chart.id(patch)));
                boolean isResource =
                        documents(k8s().resolve("overlays").resolve(overlay).resolve("kustomization.yaml"))
                                        .get(0)
                                        .path("resources")
                                        .toString()
                                        .contains("hpa.yaml")
                                && "HorizontalPodAutoscaler"
                                        .equals(patch.path("kind").asText());
                if (!isPatch && !isResource) {
                    problems.add(overlay + ": " + Chart.id(patch) + " patches nothing in the base");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void baseRoutesAndInvitationSettingsMirrorTheChart() throws IOException {
        List<ObjectNode> base = objects(k8s().resolve("base"));
        List<ObjectNode> chart = Chart.render(Chart.ci("default"));
        for (String ingress : List.of("voc", "voc-respondent")) {
            assertEquals(
                    paths(Chart.named(chart, "Ingress", ingress), Chart.RELEASE + "-"),
                    paths(Chart.named(base, "Ingress", ingress), ""),
                    ingress);
        }
        JsonNode response = Chart.named(base, "ConfigMap", "response-service").path("data");
        assertEquals(
                "http://survey-service/api/invitation-keys/jwks",
                response.path("VOC_INVITATIONS_JWKS_URL").asText());
        // Like the chart without trustedProxies: no forwarded header is believed until the proxies are listed.
        assertFalse(response.has("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING"));
        JsonNode prod = objects(k8s().resolve("overlays").resolve("prod")).stream()
                .filter(o -> Chart.id(o).equals(Chart.id(Chart.named(base, "ConfigMap", "response-service"))))
                .findFirst()
                .orElseThrow()
                .path("data");
        assertEquals(
                "true", prod.path("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING").asText());
        assertEquals(
                "10.42.0.0/16", prod.path("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES").asText());
        assertEquals(
                "https://voc.example.com",
                Chart.named(base, "ConfigMap", "survey-service")
                        .path("data")
                        .path("VOC_DISTRIBUTION_LINK_BASE_URL")
                        .asText());
        assertTrue(Chart.named(base, "Deployment", "survey-service")
                .toString()
                .contains("{\"name\":\"VOC_INVITATION_KEY_SECRET\",\"valueFrom\":{\"secretKeyRef\":"
                        + "{\"name\":\"voc-invitation-keys\",\"key\":\"encryption-secret\"}}}"));
    }

    /** path -> service of an Ingress, the service named without the given prefix. */
    private static Map<String, String> paths(JsonNode ingress, String prefix) {
        Map<String, String> paths = new TreeMap<>();
        for (JsonNode path :
                ingress.path("spec").path("rules").get(0).path("http").path("paths")) {
            paths.put(
                    path.path("path").asText(),
                    path.path("backend").path("service").path("name").asText().substring(prefix.length()));
        }
        return paths;
    }

    @Test
    void platformTopicsMatchTheTopicList() throws IOException {
        Map<String, Integer> expected = new TreeMap<>();
        for (String line : Chart.read(Chart.repoRoot().resolve("local/kafka-topics.conf"))
                .lines()
                .toList()) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                String[] fields = trimmed.split("\\s+");
                expected.put(
                        fields[0] + (trimmed.contains("cleanup.policy=compact") ? " compact" : ""),
                        Integer.parseInt(fields[1]));
            }
        }
        Map<String, Integer> rendered = new TreeMap<>();
        for (ObjectNode topic : Chart.ofKind(objects(k8s().resolve("platform/service-resources")), "KafkaTopic")) {
            JsonNode spec = topic.path("spec");
            rendered.put(
                    spec.path("topicName").asText()
                            + ("compact"
                                            .equals(spec.path("config")
                                                    .path("cleanup.policy")
                                                    .asText())
                                    ? " compact"
                                    : ""),
                    spec.path("partitions").asInt());
        }
        assertEquals(expected, rendered);
    }
}
