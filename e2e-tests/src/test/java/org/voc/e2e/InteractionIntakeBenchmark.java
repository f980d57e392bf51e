package org.voc.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.testsupport.Tokens;

/**
 * Measures interaction intake on this machine against the packaged touchpoint-registry and survey-service: a
 * sustained stream of interactions from concurrent clients, one per request and in batches; every answer is a
 * committed decision (and invitation). Customers are drawn from a fixed population, so the contact policy
 * suppresses repeat contacts as it would in production. Reports decisions per second, latency and the share
 * invited; asserts only that nothing failed. Not part of `./voc test`: run with `./voc bench intake`.
 */
class InteractionIntakeBenchmark {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 64);
    private static final int BATCH = Integer.getInteger("bench.batch", 100);
    private static final int CUSTOMERS = Integer.getInteger("bench.customers", 200_000);
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmup.seconds", 10));
    private static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));

    private static final Pattern OUTCOME = Pattern.compile("\"outcome\":\"(\\w+)\"(?:,\"reason\":\"(\\w+)\")?");

    private static Suite suite;

    @BeforeAll
    static void startServices() throws InterruptedException {
        suite = Suite.start(List.of("touchpoint-registry", "survey-service"));
    }

    @AfterAll
    static void stopServices() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void sustainedIntake() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String touchpoint = "bench-visit-" + run;
        prepareProgram(touchpoint);
        String token = Tokens.ingestClient();
        HttpClient http = BenchmarkSurveys.http();

        Supplier<HttpRequest> single = () -> post(token, "/api/interactions", interaction(run, touchpoint));
        Supplier<HttpRequest> batch = () -> post(
                token,
                "/api/interactions/batch",
                IntStream.range(0, BATCH)
                        .mapToObj(i -> interaction(run, touchpoint))
                        .collect(Collectors.joining(",", "{\"interactions\": [", "]}")));

        Load.run(http, CLIENTS, WARM_UP, single, 201, null);
        Map<String, LongAdder> singleOutcomes = new ConcurrentHashMap<>();
        Load.Result singles = Load.run(http, CLIENTS, MEASURE, single, 201, r -> count(r.body(), singleOutcomes));
        Map<String, LongAdder> batchOutcomes = new ConcurrentHashMap<>();
        Load.Result batches =
                Load.run(http, Math.max(1, CLIENTS / 8), MEASURE, batch, 200, r -> count(r.body(), batchOutcomes));

        String report = String.format(
                Locale.ROOT,
                """
                interaction intake benchmark (%d cores, %d s measured per mode after %d s warm-up, %d customers,
                sampling rate 0.5, at most 3 invitations per customer in 30 days, 7 days between two of one survey)
                  one per request (%d clients) : %.0f decisions/s, latency ms p50 %.1f p99 %.1f max %.1f, failed %d
                      %s
                  batches of %d (%d clients)   : %.0f decisions/s, latency ms per batch p50 %.1f p99 %.1f, failed %d
                      %s
                """,
                Runtime.getRuntime().availableProcessors(),
                MEASURE.toSeconds(),
                WARM_UP.toSeconds(),
                CUSTOMERS,
                CLIENTS,
                singles.perSecond(1),
                singles.ms(0.5),
                singles.ms(0.99),
                singles.ms(1.0),
                singles.failures(),
                shares(singleOutcomes),
                BATCH,
                Math.max(1, CLIENTS / 8),
                batches.perSecond(BATCH),
                batches.ms(0.5),
                batches.ms(0.99),
                batches.failures(),
                shares(batchOutcomes));
        System.out.println(report);
        Path out = Path.of("target", "benchmark-interaction-intake.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertEquals(0, singles.failures() + batches.failures(), "every interaction is decided");
    }

    /** A touchpoint in the registry and a published survey invited after it at a sampling rate of one half. */
    private static void prepareProgram(String touchpoint) throws InterruptedException {
        String admin = Tokens.user("admin");
        String designer = Tokens.user("designer");
        given().baseUri(suite.url("touchpoint-registry"))
                .auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("""
                {"key": "%s", "name": "Benchmark visit", "channel": "BRANCH", "journeyStage": "SERVICE",
                 "signalKind": "DIRECT", "segments": ["RETAIL"], "ownerTeam": "bench-team"}""".formatted(touchpoint))
                .post("/api/touchpoints")
                .then()
                .statusCode(201);
        given().baseUri(suite.url("survey-service"))
                .auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"maxInvitations\": 3, \"window\": \"P30D\"}")
                .put("/api/contact-policy")
                .then()
                .statusCode(200);
        String id = given().baseUri(suite.url("survey-service"))
                .auth()
                .oauth2(designer)
                .contentType(ContentType.JSON)
                .body("""
                        {"name": "Benchmark visit NPS", "defaultLocale": "en", "touchpointKeys": ["%s"],
                         "questions": [{"id": "nps", "type": "NPS", "required": true,
                           "text": {"en": "How likely are you to recommend us?"}}]}""".formatted(touchpoint))
                .post("/api/surveys")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().baseUri(suite.url("survey-service"))
                .auth()
                .oauth2(designer)
                .contentType(ContentType.JSON)
                .post("/api/surveys/" + id + "/publish")
                .then()
                .statusCode(201);
        given().baseUri(suite.url("survey-service"))
                .auth()
                .oauth2(designer)
                .contentType(ContentType.JSON)
                .body("""
                {"enabled": true, "minGapPerCustomer": "P7D",
                 "rules": [{"touchpointKeys": ["%s"], "channels": [], "samplingRate": 0.5, "invitationTtl": "P7D",
                            "deliveryChannel": "SMS", "priority": 100}]}""".formatted(touchpoint))
                .put("/api/surveys/" + id + "/distribution")
                .then()
                .statusCode(200);
        // survey-service learns the touchpoint from voc.touchpoints: wait until it stops answering UNKNOWN_TOUCHPOINT.
        for (int attempt = 0; attempt < 300; attempt++) {
            String reason = given().baseUri(suite.url("survey-service"))
                    .auth()
                    .oauth2(Tokens.ingestClient())
                    .contentType(ContentType.JSON)
                    .body(interaction("probe", touchpoint))
                    .post("/api/interactions")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("reason");
            if (!"UNKNOWN_TOUCHPOINT".equals(reason)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("survey-service did not learn the benchmark touchpoint");
    }

    private static String interaction(String run, String touchpoint) {
        return """
                {"interactionId": "%s-%s", "customerRef": "bench-%s-%d", "touchpointKey": "%s", "channel": "BRANCH",
                 "segment": "RETAIL"}""".formatted(
                        run, UUID.randomUUID(), run, ThreadLocalRandom.current().nextInt(CUSTOMERS), touchpoint);
    }

    private static HttpRequest post(String token, String path, String body) {
        return HttpRequest.newBuilder(URI.create(suite.url("survey-service") + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /**
     * Counts outcomes (INVITED, or the suppression reason) in a decision or a batch of decisions. A regular
     * expression over survey-service's compact JSON, where reason follows outcome: a JSON parser per answer would
     * cost the load generator more CPU than the service spends on the decision.
     */
    private static void count(String body, Map<String, LongAdder> outcomes) {
        Matcher m = OUTCOME.matcher(body);
        while (m.find()) {
            String key = "INVITED".equals(m.group(1)) ? "INVITED" : String.valueOf(m.group(2));
            outcomes.computeIfAbsent(key, k -> new LongAdder()).increment();
        }
    }

    private static String shares(Map<String, LongAdder> outcomes) {
        long total = outcomes.values().stream().mapToLong(LongAdder::sum).sum();
        return new TreeMap<>(outcomes)
                .entrySet().stream()
                        .map(e -> String.format(
                                Locale.ROOT,
                                "%s %.1f %%",
                                e.getKey(),
                                100.0 * e.getValue().sum() / total))
                        .collect(Collectors.joining(", "));
    }
}
