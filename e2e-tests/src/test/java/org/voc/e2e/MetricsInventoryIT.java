package org.voc.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.testsupport.EventProducer;
import org.voc.testsupport.Tokens;

/**
 * Every metric the chart's Grafana dashboards and alerts query (helm/src/test/resources/queried-metrics.txt, kept by
 * the helm module's DashboardsAndAlertsTest) is exported by the running services once they have seen traffic: a
 * response (writer, outbox, case), an HTTP error and a dead letter are produced first.
 */
class MetricsInventoryIT {

    /** Queried before their producer exists on this branch, with the reason; the test fails once they appear. */
    private static final Map<String, String> PENDING = Map.of();

    private static Suite suite;

    @BeforeAll
    static void startSuite() throws InterruptedException {
        suite = Suite.start(Suite.ALL);
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    private static Set<String> queried() throws Exception {
        Path root = Path.of(System.getProperty("voc.repo.root", ".."));
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(root.resolve("helm/src/test/resources/queried-metrics.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.strip());
            }
        }
        return names;
    }

    /** Metric names (without labels) each service exports now. */
    private static Map<String, Set<String>> exported() {
        Map<String, Set<String>> exported = new TreeMap<>();
        for (String service : Suite.ALL) {
            String text = given().baseUri(suite.url(service)).get("/q/metrics").asString();
            Set<String> names = new TreeSet<>();
            text.lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.split("[{ ]", 2)[0])
                    .forEach(names::add);
            exported.put(service, names);
        }
        return exported;
    }

    @Test
    void everyMetricTheDashboardsAndAlertsQueryIsExported() throws Exception {
        String touchpoint = "inventory-" + UUID.randomUUID().toString().substring(0, 8);
        given().baseUri(suite.url("touchpoint-registry"))
                .auth()
                .oauth2(Tokens.user("admin"))
                .contentType(ContentType.JSON)
                .body("""
                {"key": "%s", "name": "Inventory", "channel": "BRANCH", "journeyStage": "SERVICE",
                 "signalKind": "DIRECT", "segments": ["RETAIL"], "ownerTeam": "inventory-ops"}""".formatted(touchpoint))
                .post("/api/touchpoints")
                .then()
                .statusCode(201);
        String survey = BenchmarkSurveys.publishNps(suite, "Inventory NPS", touchpoint);
        HttpClient http = HttpClient.newHttpClient();
        String ingest = Tokens.ingestClient();
        BenchmarkSurveys.awaitSurveyKnown(suite, http, ingest, survey, touchpoint);
        HttpResponse<String> detractor = http.send(
                BenchmarkSurveys.post(suite, ingest, BenchmarkSurveys.response(survey, touchpoint, 2, null)),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, detractor.statusCode(), detractor.body());
        // A record no consumer can read: dead-lettered by the services that consume responses.
        try (EventProducer producer = new EventProducer()) {
            producer.send(
                    "voc.responses",
                    null,
                    "inventory-" + UUID.randomUUID(),
                    "voc.response.submitted.v1",
                    "{not json",
                    UUID.randomUUID().toString());
        }

        Set<String> queried = queried();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        Set<String> missing;
        Map<String, Set<String>> exported;
        do {
            exported = exported();
            Set<String> all = new TreeSet<>();
            exported.values().forEach(all::addAll);
            missing = new TreeSet<>(queried);
            missing.removeAll(all);
            if (missing.equals(PENDING.keySet())) {
                break;
            }
            Thread.sleep(1000);
        } while (Instant.now().isBefore(deadline));
        assertEquals(
                new TreeSet<>(PENDING.keySet()),
                missing,
                "queried by the chart but exported by no service (or pending and now present): " + missing
                        + "; exported: " + exported);
    }
}
