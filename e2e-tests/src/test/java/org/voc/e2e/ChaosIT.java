package org.voc.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.testsupport.TestInfra;
import org.voc.testsupport.Tokens;

/**
 * Chaos under load: while clients submit a steady stream of responses (one in four a detractor, each under its own
 * idempotency key), every service, the Kafka broker and PostgreSQL are SIGKILLed in turn and started again. A client
 * sends a request again, under the same key, until it is acknowledged (201, or 200 for a repeat). At the end every
 * acknowledged response is counted, not sampled: stored once by response-service, counted once in metrics-service's
 * NPS roll-up, and every acknowledged detractor opened exactly one case. The figures it measured are printed and
 * written to {@code target/chaos-figures.md} (docs/reliability.md quotes them). Before the crashes, response-service
 * is stopped gracefully (SIGTERM) under the same load: its outbox must be empty once the process has exited.
 */
class ChaosIT {

    private static final int CLIENTS = 3;
    /** Pause of each client between two new responses: a steady stream, not a benchmark. */
    private static final Duration PACE = Duration.ofMillis(40);
    /** Acknowledgements between two kills, so each component is killed while the loop is busy. */
    private static final int STEADY = 150;

    private static final String GRACEFUL = "response-service (SIGTERM)";

    private static final Duration PATIENCE = Duration.ofSeconds(300);
    private static final Path ROOT = Path.of(System.getProperty("voc.repo.root", ".."));
    private static final Path LOGS = Path.of(System.getProperty("voc.e2e.logs", "target/service-logs"));

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

    /** How one kill went, in seconds from the SIGKILL. */
    private record Figure(String victim, double back, double ingestResumed, double caughtUp) {}

    @Test
    void nothingAcknowledgedIsLostWhenAnyComponentIsKilledUnderLoad() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String touchpoint = "chaos-" + suffix;
        String surveyId = publishSurvey(touchpoint, "chaos-ops-" + suffix);
        try (Ingest ingest = new Ingest(suite.url("response-service"), surveyId)) {
            ingest.start();
            List<Figure> figures = new ArrayList<>();
            // First a graceful stop (SIGTERM) of response-service, then the crashes.
            List<String> victims = new ArrayList<>(List.of(GRACEFUL));
            victims.addAll(Suite.ALL);
            victims.add("kafka");
            victims.add("postgresql");
            for (String victim : victims) {
                long target = ingest.acknowledged() + STEADY;
                await("steady load before killing " + victim, () -> ingest.acknowledged() >= target);
                long ackedBefore = ingest.acknowledged();
                long detractorsBefore = ingest.detractors();
                long killedAt = System.nanoTime();
                kill(victim);
                if (victim.equals(GRACEFUL)) {
                    assertEquals(
                            0,
                            count("voc_response", "select count(*) from outbox_event", null),
                            "on SIGTERM the relay sent every event of what was committed before the process exited");
                }
                restart(victim);
                double back = secondsSince(killedAt);
                long ackedWhenBack = ingest.acknowledged();
                await(victim + ": the ingest acknowledges again", () -> ingest.acknowledged() > ackedWhenBack);
                double ingestResumed = secondsSince(killedAt);
                await(
                        victim + ": what was acknowledged before the kill is measured and cased",
                        () -> measured(touchpoint) >= ackedBefore && cases(surveyId) >= detractorsBefore);
                figures.add(new Figure(victim, back, ingestResumed, secondsSince(killedAt)));
            }
            ingest.finish();

            long acknowledged = ingest.acknowledged();
            long detractors = ingest.detractors();
            await(
                    "metrics-service and case-service count every acknowledged response",
                    () -> measured(touchpoint) >= acknowledged && cases(surveyId) >= detractors);
            report(figures, ingest, acknowledged, detractors);
            assertEquals(0, ingest.refused(), "no request was refused for its content");
            assertEquals(
                    acknowledged,
                    count("voc_response", "select count(*) from response where survey_id = ?", surveyId),
                    "every acknowledged response is stored, once");
            assertEquals(acknowledged, measured(touchpoint), "and counted once in the NPS roll-up");
            assertEquals(detractors, nps(touchpoint).detractors(), "its detractors too");
            assertEquals(detractors, cases(surveyId), "every acknowledged detractor opened one case");
            assertTrue(acknowledged >= victims.size() * (long) STEADY, "the load ran throughout: " + acknowledged);
        }
    }

    // ---------------------------------------------------------------------------------------------- the chaos

    private static void kill(String victim) throws Exception {
        switch (victim) {
            case "kafka" -> sigkill(TestInfra.kafkaPid());
            case "postgresql" -> sigkill(postmasterPid());
            case GRACEFUL -> suite.terminate("response-service");
            default -> suite.kill(victim);
        }
    }

    private static void restart(String victim) throws Exception {
        switch (victim) {
            case "kafka", "postgresql" -> startInfra();
            case GRACEFUL -> suite.restart("response-service");
            default -> suite.restart(victim);
        }
    }

    private static void sigkill(long pid) throws InterruptedException {
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        process.destroyForcibly();
        Awaitility.await("pid " + pid + " is gone")
                .atMost(Duration.ofSeconds(30))
                .until(() -> !process.isAlive());
    }

    /** The postmaster: first line of postmaster.pid, which local/infra.sh names in the test env. */
    private static long postmasterPid() throws IOException {
        String file = TestInfra.env("VOC_PG_PID_FILE", null);
        if (file == null) {
            throw new IllegalStateException("VOC_PG_PID_FILE is not set: run the tests with ./voc test");
        }
        return Long.parseLong(Files.readAllLines(Path.of(file)).get(0).trim());
    }

    /** What an operator does after a crash: the same start command, which must recover from the kill. */
    private static void startInfra() throws Exception {
        Files.createDirectories(LOGS);
        Process start = new ProcessBuilder(ROOT.resolve("local/infra.sh").toString(), "start", "--profile", "test")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        LOGS.resolve("infra-restarts.log").toFile()))
                .start();
        if (!start.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            start.destroyForcibly();
            throw new IllegalStateException("local/infra.sh start did not finish; see " + LOGS);
        }
        assertEquals(0, start.exitValue(), "local/infra.sh start recovers; see " + LOGS.resolve("infra-restarts.log"));
    }

    // ---------------------------------------------------------------------------------------------- the load

    /**
     * Clients that each send one response at a time and send it again, under its id, until it is acknowledged; only
     * then do they move on to a new one.
     */
    private static final class Ingest implements AutoCloseable {

        private final String url;
        private final String surveyId;
        private final HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private final ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        private final List<Future<?>> clients = new ArrayList<>();
        private final AtomicBoolean stopping = new AtomicBoolean();
        private final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
        private final AtomicLong detractors = new AtomicLong();
        private final AtomicLong resent = new AtomicLong();
        private final AtomicLong refused = new AtomicLong();
        private volatile String token = Tokens.ingestClient();
        private volatile long tokenAt = System.nanoTime();

        Ingest(String url, String surveyId) {
            this.url = url;
            this.surveyId = surveyId;
        }

        void start() {
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(this::client));
            }
        }

        private Void client() throws InterruptedException {
            long n = 0;
            while (!stopping.get()) {
                UUID id = UUID.randomUUID();
                boolean detractor = n++ % 4 == 0;
                int score = detractor ? 3 : 9;
                String body = """
                        {"id": "%s", "surveyId": "%s", "channel": "BRANCH", "customerRef": "chaos-%s",
                         "answers": [{"questionId": "nps", "score": %d}]}""".formatted(id, surveyId, id, score);
                // Until acknowledged: a request that was not is sent again, even while the test finishes.
                Outcome outcome;
                while ((outcome = send(body)) == Outcome.SEND_AGAIN) {
                    resent.incrementAndGet();
                    Thread.sleep(200);
                }
                if (outcome == Outcome.REFUSED) {
                    continue;
                }
                if (!acknowledged.add(id)) {
                    throw new IllegalStateException("acknowledged twice: " + id);
                }
                if (detractor) {
                    detractors.incrementAndGet();
                }
                Thread.sleep(PACE.toMillis());
            }
            return null;
        }

        private enum Outcome {
            ACKNOWLEDGED,
            SEND_AGAIN,
            REFUSED
        }

        /** SEND_AGAIN for anything the client cannot tell apart from a loss. */
        private Outcome send(String body) throws InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/responses"))
                    .timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status == 201 || status == 200) {
                    return Outcome.ACKNOWLEDGED;
                }
                if (status == 401) {
                    tokenAt = 0; // expired: a new one for the next attempt
                } else if (status / 100 == 4 && status != 429) {
                    refused.incrementAndGet(); // never expected: the assertions report it
                    return Outcome.REFUSED;
                }
                return Outcome.SEND_AGAIN; // 5xx, 429: nothing acknowledged, the same request again
            } catch (IOException e) {
                return Outcome.SEND_AGAIN; // refused, reset or timed out: maybe stored, so the same id again
            }
        }

        private String token() {
            if (System.nanoTime() - tokenAt > Duration.ofSeconds(60).toNanos()) {
                try {
                    token = Tokens.ingestClient();
                    tokenAt = System.nanoTime();
                } catch (RuntimeException keycloakBusy) {
                    // keep the last token; a 401 makes the next attempt try again
                }
            }
            return token;
        }

        long acknowledged() {
            return acknowledged.size();
        }

        long detractors() {
            return detractors.get();
        }

        long resent() {
            return resent.get();
        }

        long refused() {
            return refused.get();
        }

        /** Stops starting new responses; returns once every client's last one is acknowledged. */
        void finish() throws Exception {
            stopping.set(true);
            for (Future<?> client : clients) {
                client.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
        }

        @Override
        public void close() {
            stopping.set(true);
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------------------------------------- counting

    private record Nps(long n, long detractors) {}

    private static Nps nps(String touchpoint) {
        var response = given().baseUri(suite.url("metrics-service"))
                .auth()
                .oauth2(Tokens.user("analyst"))
                .queryParam("touchpoint", touchpoint)
                .queryParam("from", Instant.now().minus(Duration.ofDays(1)).toString())
                .queryParam("to", Instant.now().plus(Duration.ofDays(1)).toString())
                .get("/api/metrics/nps");
        if (response.statusCode() != 200) {
            return new Nps(-1, -1); // metrics-service is down right now
        }
        return new Nps(response.jsonPath().getLong("n"), response.jsonPath().getLong("detractors"));
    }

    private static long measured(String touchpoint) {
        try {
            return nps(touchpoint).n();
        } catch (RuntimeException down) {
            return -1;
        }
    }

    private static long cases(String surveyId) {
        try {
            return count("voc_case", "select count(*) from customer_case where survey_id = ?", surveyId);
        } catch (SQLException down) {
            return -1;
        }
    }

    private static long count(String database, String sql, String surveyId) throws SQLException {
        String url = "jdbc:postgresql://%s:%s/%s"
                .formatted(TestInfra.env("VOC_PG_HOST", "localhost"), TestInfra.env("VOC_PG_PORT", "15432"), database);
        try (Connection connection = DriverManager.getConnection(
                        url, TestInfra.env("VOC_PG_USER", "voc"), TestInfra.env("VOC_PG_PASSWORD", "voc"));
                PreparedStatement query = connection.prepareStatement(sql)) {
            if (surveyId != null) {
                query.setObject(1, UUID.fromString(surveyId));
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- set-up

    /** A touchpoint and a published NPS survey bound to it; returns once response-service accepts answers to it. */
    private static String publishSurvey(String touchpoint, String team) {
        given().baseUri(suite.url("touchpoint-registry"))
                .auth()
                .oauth2(Tokens.user("admin"))
                .contentType(ContentType.JSON)
                .body("""
                {"key": "%s", "name": "Chaos", "channel": "BRANCH", "journeyStage": "SERVICE",
                 "signalKind": "DIRECT", "segments": ["RETAIL"], "product": "current-account",
                  "ownerTeam": "%s"}""".formatted(touchpoint, team))
                .post("/api/touchpoints")
                .then()
                .statusCode(201);
        String designer = Tokens.user("designer");
        String surveyId = given().baseUri(suite.url("survey-service"))
                .auth()
                .oauth2(designer)
                .contentType(ContentType.JSON)
                .body("""
                {"name": "Chaos NPS", "defaultLocale": "en", "touchpointKeys": ["%s"],
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
                .post("/api/surveys/" + surveyId + "/publish")
                .then()
                .statusCode(201);
        String ingest = Tokens.ingestClient();
        // A score out of range is refused for the score only once the survey is known: nothing is stored.
        await(
                "response-service learns the published survey",
                () -> given().baseUri(suite.url("response-service"))
                        .auth()
                        .oauth2(ingest)
                        .contentType(ContentType.JSON)
                        .body("""
                        {"surveyId": "%s", "channel": "BRANCH", "customerRef": "chaos-probe",
                         "answers": [{"questionId": "nps", "score": 11}]}""".formatted(surveyId))
                        .post("/api/responses")
                        .asString()
                        .contains("answers[0].score"));
        return surveyId;
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static void await(String what, BooleanSupplier done) {
        Awaitility.await(what)
                .atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(250))
                .until(done::getAsBoolean);
    }

    private static double secondsSince(long nanos) {
        return Math.round((System.nanoTime() - nanos) / 1e8) / 10.0;
    }

    private static void report(List<Figure> figures, Ingest ingest, long acknowledged, long detractors)
            throws IOException {
        StringBuilder table = new StringBuilder("| Killed (SIGKILL) | Back (s) | Ingest acknowledges again (s) "
                + "| Everything acknowledged before the kill measured and cased (s) |\n|---|---|---|---|\n");
        for (Figure f : figures) {
            table.append(
                    "| %s | %.1f | %.1f | %.1f |%n".formatted(f.victim(), f.back(), f.ingestResumed(), f.caughtUp()));
        }
        table.append("%nAcknowledged %d responses (%d detractors); %d sends were repeated under the same id.%n"
                .formatted(acknowledged, detractors, ingest.resent()));
        System.out.println(table);
        Files.createDirectories(LOGS.getParent());
        Files.writeString(LOGS.getParent().resolve("chaos-figures.md"), table);
    }
}
