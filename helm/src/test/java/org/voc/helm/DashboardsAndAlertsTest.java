package org.voc.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboards and the PrometheusRule the chart ships: valid JSON and rule objects, well-formed queries,
 * and the metric names they query written to target/queried-metrics.txt, which the e2e MetricsInventoryIT compares
 * with what the running services export.
 */
class DashboardsAndAlertsTest {

    /** A metric selector: a name followed by its label matchers. */
    static final Pattern METRIC = Pattern.compile("\\b([a-z_][a-z0-9_]*)\\{");

    private static final Set<String> PROMQL_WORDS = Set.of("by", "on", "without", "ignoring", "and", "or", "unless");

    static Set<String> metricsIn(String query) {
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC.matcher(query);
        while (m.find()) {
            if (!PROMQL_WORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static List<String> malformed(String where, String query) {
        List<String> problems = new ArrayList<>();
        int round = 0;
        int curly = 0;
        int square = 0;
        for (char c : query.toCharArray()) {
            round += c == '(' ? 1 : c == ')' ? -1 : 0;
            curly += c == '{' ? 1 : c == '}' ? -1 : 0;
            square += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (round < 0 || curly < 0 || square < 0) {
                break;
            }
        }
        if (round != 0 || curly != 0 || square != 0) {
            problems.add(where + ": unbalanced brackets in " + query);
        }
        if (metricsIn(query).isEmpty()) {
            problems.add(where + ": queries no metric with a label selector: " + query);
        }
        if (query.contains("{{") || query.contains("}}")) {
            problems.add(where + ": an unrendered template in " + query);
        }
        return problems;
    }

    @Test
    void dashboardsAreGrafanaJsonWithWellFormedQueries() throws IOException {
        List<ObjectNode> dashboards = Chart.ofKind(Chart.render(Chart.ci("default")), "ConfigMap").stream()
                .filter(c -> c.path("metadata").path("labels").has("grafana_dashboard"))
                .toList();
        assertEquals(3, dashboards.size(), "services, events and the CX overview");
        List<String> problems = new ArrayList<>();
        Set<String> uids = new TreeSet<>();
        for (ObjectNode configMap : dashboards) {
            assertEquals(1, configMap.path("data").size(), Chart.id(configMap));
            String file = configMap.path("data").fieldNames().next();
            JsonNode dashboard =
                    Chart.JSON.readTree(configMap.path("data").path(file).asText());
            String where = Chart.id(configMap) + " " + file;
            uids.add(dashboard.path("uid").asText());
            if (dashboard.path("title").asText().isBlank()
                    || dashboard.path("panels").isEmpty()) {
                problems.add(where + ": no title or no panels");
            }
            for (JsonNode panel : dashboard.path("panels")) {
                String at = where + " panel \"" + panel.path("title").asText() + "\"";
                if (panel.path("targets").isEmpty() || !panel.path("gridPos").has("w")) {
                    problems.add(at + ": no queries or no position");
                }
                for (JsonNode target : panel.path("targets")) {
                    problems.addAll(malformed(at, target.path("expr").asText()));
                }
            }
        }
        assertEquals(3, uids.size(), "distinct dashboard uids: " + uids);
        assertEquals(List.of(), problems);
    }

    @Test
    void alertsAreAValidPrometheusRuleCoveringEachOperationalRisk() {
        List<ObjectNode> objects = Chart.render(Chart.ci("production"));
        ObjectNode rule = Chart.named(objects, "PrometheusRule", "voc-alerts");
        assertEquals(List.of(), CustomResources.problems(rule));
        assertEquals(
                "kube-prometheus-stack",
                rule.path("metadata").path("labels").path("release").asText());
        List<String> problems = new ArrayList<>();
        Set<String> alerts = new TreeSet<>();
        for (JsonNode r : rule.path("spec").path("groups").get(0).path("rules")) {
            String alert = r.path("alert").asText();
            alerts.add(alert);
            problems.addAll(malformed(alert, r.path("expr").asText()));
            if (r.path("labels").path("severity").asText().isBlank()
                    || r.path("annotations").path("summary").asText().isBlank()) {
                problems.add(alert + ": needs a severity and a summary");
            }
            // Scoped to this release: another installation's series never fire these alerts.
            if (!r.path("expr").asText().contains("namespace=\"voc\", service=~\"voc-.*\"")) {
                problems.add(
                        alert + ": not scoped to the release: " + r.path("expr").asText());
            }
        }
        assertEquals(
                Set.of(
                        "VocOutboxEventsNotRelayed",
                        "VocConsumerLagging",
                        "VocDeadLetters",
                        "VocServerErrors",
                        "VocSlaBreaches",
                        "VocInvitationKeyNotRotating"),
                alerts);
        assertEquals(List.of(), problems);
        assertTrue(
                Chart.ofKind(Chart.render(Chart.ci("default")), "PrometheusRule")
                        .isEmpty(),
                "off by default");
    }

    @Test
    void everyQueriedMetricIsListedForTheInventoryOfTheRunningServices() throws IOException {
        Set<String> metrics = new TreeSet<>();
        List<ObjectNode> objects = Chart.render(Chart.ci("production"));
        for (ObjectNode configMap : Chart.ofKind(Chart.render(Chart.ci("default")), "ConfigMap")) {
            if (configMap.path("metadata").path("labels").has("grafana_dashboard")) {
                configMap.path("data").forEach(json -> metrics.addAll(metricsIn(json.asText())));
            }
        }
        for (JsonNode r : Chart.named(objects, "PrometheusRule", "voc-alerts")
                .path("spec")
                .path("groups")
                .get(0)
                .path("rules")) {
            metrics.addAll(metricsIn(r.path("expr").asText()));
        }
        assertTrue(metrics.contains("voc_outbox_oldest_age_seconds"), metrics.toString());
        assertFalse(metrics.contains("by"), metrics.toString());
        Path inventory = Chart.repoRoot().resolve("helm/src/test/resources/queried-metrics.txt");
        String expected =
                "# Every metric the chart's dashboards and alerts query (written by DashboardsAndAlertsTest;\n"
                        + "# the e2e MetricsInventoryIT checks each is exported by the running services).\n"
                        + String.join("\n", metrics) + "\n";
        if (!expected.equals(Files.exists(inventory) ? Files.readString(inventory) : "")) {
            try {
                Files.writeString(inventory, expected);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new AssertionError(inventory + " was out of date and has been rewritten: review and commit it");
        }
    }
}
