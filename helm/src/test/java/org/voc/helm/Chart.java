package org.voc.helm;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Renders the voc-platform chart with the embedded Helm and splits the output into Kubernetes objects. */
final class Chart {

    static final String RELEASE = "voc";
    static final String NAMESPACE = "voc";
    /** The cluster version the chart is rendered for (Chart.yaml asks for 1.30 or later). */
    static final String KUBE_VERSION = "1.31.0";

    static final List<String> SERVICES =
            List.of("touchpoint-registry", "survey-service", "response-service", "metrics-service", "case-service");
    static final YAMLMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();

    private Chart() {}

    static Path chartDir() {
        return Path.of(System.getProperty("voc.chart.dir", "voc-platform")).toAbsolutePath();
    }

    /** helm/ci/, the values sets the chart is tested with. */
    static Path ciDir() {
        return chartDir().resolveSibling("ci");
    }

    static Path repoRoot() {
        return chartDir().getParent().getParent();
    }

    static List<Path> ciValues() {
        try (Stream<Path> files = Files.list(ciDir())) {
            List<Path> sets = files.filter(f -> f.toString().endsWith("-values.yaml"))
                    .sorted()
                    .toList();
            if (sets.size() < 3) {
                fail("expected the default, production and self-contained values sets in " + ciDir() + ", found "
                        + sets);
            }
            return sets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path ci(String name) {
        return ciDir().resolve(name + "-values.yaml");
    }

    /**
     * helm template with the given values files (in order) and --set pairs. Throws IllegalStateException on failure.
     */
    static String template(List<Path> valuesFiles, Map<String, Object> sets) {
        TemplateCommand command = new Helm(chartDir())
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        valuesFiles.forEach(command::withValuesFile);
        sets.forEach(command::set);
        return command.call();
    }

    static List<ObjectNode> render(Path valuesFile) {
        return parse(template(List.of(valuesFile), Map.of()));
    }

    static List<ObjectNode> render(Path valuesFile, Map<String, Object> sets) {
        return parse(template(List.of(valuesFile), sets));
    }

    /** Splits a multi-document YAML stream into its non-empty documents. */
    static List<ObjectNode> parse(String manifests) {
        List<ObjectNode> objects = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(manifests)) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc == null || doc.isNull() || doc.isMissingNode() || doc.isEmpty()) {
                    continue;
                }
                if (!doc.isObject()) {
                    fail("a rendered document is not an object: " + doc);
                }
                objects.add((ObjectNode) doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }

    static String id(JsonNode object) {
        return object.path("kind").asText() + "/"
                + object.path("metadata").path("name").asText();
    }

    static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()))
                .toList();
    }

    static ObjectNode named(List<ObjectNode> objects, String kind, String name) {
        ObjectNode found = objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText())
                        && name.equals(o.path("metadata").path("name").asText()))
                .findFirst()
                .orElse(null);
        assertNotNull(found, "no " + kind + "/" + name + " rendered");
        return found;
    }

    /**
     * Renders the objects of the hook templates (templates/tests/): the embedded Helm leaves hooks out of its output,
     * so a copy of the chart without the hook annotations is rendered and only the test objects are kept.
     */
    static List<ObjectNode> renderHooks(Path valuesFile) {
        try {
            Path copy = Path.of("target", "chart-with-hooks-as-objects", "voc-platform")
                    .toAbsolutePath();
            if (Files.exists(copy)) {
                try (Stream<Path> walk = Files.walk(copy)) {
                    walk.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
            try (Stream<Path> walk = Files.walk(chartDir())) {
                for (Path source : walk.toList()) {
                    Path target = copy.resolve(chartDir().relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else if (source.getParent().getFileName().toString().equals("tests")) {
                        Files.writeString(
                                target,
                                Files.readString(source)
                                        .lines()
                                        .filter(l -> !l.contains("helm.sh/hook"))
                                        .collect(java.util.stream.Collectors.joining("\n")));
                    } else {
                        Files.copy(source, target);
                    }
                }
            }
            TemplateCommand command = new Helm(copy)
                    .template()
                    .withName(RELEASE)
                    .withNamespace(NAMESPACE)
                    .withKubeVersion(KUBE_VERSION)
                    .withValuesFile(valuesFile);
            return parse(command.call()).stream()
                    .filter(o -> "test"
                            .equals(o.path("metadata")
                                    .path("labels")
                                    .path("app.kubernetes.io/component")
                                    .asText()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The NOTES.txt the installer sees, from a client-only dry-run install. */
    static String notes(Path valuesFile) {
        String output = new Helm(chartDir())
                .install()
                .clientOnly()
                .dryRun()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION)
                .withValuesFile(valuesFile)
                .call()
                .getOutput();
        int start = output.indexOf("NOTES:");
        return start < 0 ? "" : output.substring(start);
    }

    /** Keeps the rendered manifests under target/rendered/ for a reviewer's eyes. */
    static void writeForInspection(Path valuesFile, String manifests) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "rendered"));
            Files.writeString(dir.resolve(valuesFile.getFileName().toString().replace("-values", "")), manifests);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
