package org.voc.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every helm and kubectl command in docs/operations.md matches the chart: chart path, release name and namespace,
 * --set keys that exist in values.yaml, values files that exist, and object names and labels that the chart renders.
 */
class OperationsDocTest {

    private static final Pattern CODE_SPAN = Pattern.compile("`((?:helm|kubectl) [^`]+)`");

    static List<String> commands() {
        String doc = Chart.read(Chart.repoRoot().resolve("docs/operations.md"));
        List<String> commands = new ArrayList<>();
        boolean inBlock = false;
        for (String line : doc.lines().toList()) {
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            if (inBlock && (line.startsWith("helm ") || line.startsWith("kubectl "))) {
                commands.add(line.strip());
            } else if (!inBlock) {
                Matcher m = CODE_SPAN.matcher(line);
                while (m.find()) {
                    // A mention in prose ("the next `helm upgrade`") is not a command.
                    if (m.group(1).strip().split("\\s+").length > 2) {
                        commands.add(m.group(1).strip());
                    }
                }
            }
        }
        return commands;
    }

    @Test
    void everyCommandMatchesTheChart() throws Exception {
        List<String> commands = commands();
        assertTrue(commands.size() >= 15, "too few commands found: " + commands);
        JsonNode values =
                Chart.YAML.readTree(Chart.chartDir().resolve("values.yaml").toFile());
        List<ObjectNode> rendered = new ArrayList<>(Chart.render(Chart.ci("default")));
        rendered.addAll(Chart.render(Chart.ci("production")));
        List<String> problems = new ArrayList<>();
        for (String command : commands) {
            List<String> words = List.of(command.split("\\s+"));
            if (!words.contains("-n") || !"voc".equals(words.get(words.indexOf("-n") + 1))) {
                if (!command.startsWith("kubectl create namespace voc")) {
                    problems.add(command + ": must name namespace voc with -n voc");
                }
            }
            if (words.get(0).equals("helm")) {
                String verb = words.get(1);
                if (List.of("install", "upgrade", "template", "test", "rollback", "history", "uninstall", "status")
                                .contains(verb)
                        && !"voc".equals(words.get(2))) {
                    problems.add(command + ": the release is voc");
                }
                if (List.of("install", "upgrade", "template").contains(verb)
                        && !"helm/voc-platform".equals(words.get(3))) {
                    problems.add(command + ": the chart is helm/voc-platform");
                }
            }
            for (int i = 0; i < words.size() - 1; i++) {
                String word = words.get(i);
                String next = words.get(i + 1);
                if (word.equals("--set")) {
                    String key = next.substring(0, next.indexOf('='));
                    JsonNode node = values;
                    for (String part : key.split("\\.")) {
                        node = node.path(part);
                    }
                    if (node.isMissingNode()) {
                        problems.add(command + ": --set " + key + " is not a value of the chart");
                    }
                }
                if (word.equals("-f")
                        && next.startsWith("helm/")
                        && !Files.exists(Chart.repoRoot().resolve(next))) {
                    problems.add(command + ": " + next + " does not exist");
                }
                if (word.equals("-l")) {
                    String[] label = next.split("=");
                    if (rendered.stream()
                            .noneMatch(o -> label[1].equals(o.path("metadata")
                                    .path("labels")
                                    .path(label[0])
                                    .asText()))) {
                        problems.add(command + ": no rendered object has label " + next);
                    }
                }
            }
            Matcher object = Pattern.compile("\\b(deployment|svc|service|hpa|pdb)/([a-z0-9-]+)")
                    .matcher(command);
            while (object.find()) {
                String kind = switch (object.group(1)) {
                    case "deployment" -> "Deployment";
                    case "hpa" -> "HorizontalPodAutoscaler";
                    case "pdb" -> "PodDisruptionBudget";
                    default -> "Service";
                };
                String name = object.group(2);
                if (rendered.stream()
                        .noneMatch(o -> kind.equals(o.path("kind").asText())
                                && name.equals(o.path("metadata").path("name").asText()))) {
                    problems.add(command + ": the chart renders no " + kind + " " + name);
                }
            }
            Matcher secret =
                    Pattern.compile("create secret generic ([a-z0-9-]+)").matcher(command);
            if (secret.find()) {
                String name = secret.group(1);
                boolean referenced =
                        rendered.stream().anyMatch(o -> o.toString().contains("\"name\":\"" + name + "\""));
                if (!referenced) {
                    problems.add(command + ": no rendered object reads Secret " + name);
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
