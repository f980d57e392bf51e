package org.voc.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.testsupport.ReferenceDay;
import org.voc.testsupport.Tokens;

/**
 * The reference platform's day replayed over HTTP (issue 16): 80,000 responses with a bank-like NPS mix, sent as
 * bulk imports of 1,000 ({@code POST /api/responses/batch}) by a few senders at once, timed from the first request
 * until response-service has accepted all of them, metrics-service counts all of them and case-service has opened a
 * case for every detractor. Reports figures; asserts only that every response was stored once and counted once.
 * Run with `./voc bench replay`.
 */
class DayReplayBenchmark {

    private static final int DAY = Integer.getInteger("bench.day.responses", 80_000);
    private static final int BATCH = Integer.getInteger("bench.batch", 1000);
    private static final int SENDERS = Integer.getInteger("bench.senders", 4);

    private static Suite suite;

    @BeforeAll
    static void startServices() throws InterruptedException {
        suite = Suite.start(List.of("survey-service", "response-service", "metrics-service", "case-service"));
    }

    @AfterAll
    static void stopServices() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void replaysADayInBatches() throws Exception {
        String touchpoint = "replay-" + UUID.randomUUID().toString().substring(0, 8);
        String surveyId = BenchmarkSurveys.publishNps(suite, "Day replay NPS", touchpoint);
        String token = Tokens.ingestClient();
        HttpClient http = BenchmarkSurveys.http();
        BenchmarkSurveys.awaitSurveyKnown(suite, http, token, surveyId, touchpoint);
        String analyst = Tokens.user("analyst");
        String manager = Tokens.user("manager");
        long countedBefore = npsCount(analyst, touchpoint); // the probe that found the survey known
        long casesBefore = casesOpened(manager, touchpoint);

        // The day's bodies are made before the clock starts: the benchmark times the suite, not the JSON building.
        List<String> batches = new ArrayList<>();
        int detractors = 0;
        Instant dayStart = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        for (int from = 0; from < DAY; from += BATCH) {
            StringBuilder body = new StringBuilder("{\"responses\": [");
            for (int i = from; i < Math.min(DAY, from + BATCH); i++) {
                int nps = ReferenceDay.npsScore(false);
                detractors += nps <= 6 ? 1 : 0;
                body.append(i == from ? "" : ",")
                        .append(String.format(
                                Locale.ROOT,
                                """
                                {"id": "%s", "surveyId": "%s", "touchpointKey": "%s", "channel": "%s",\
                                 "customerRef": "replay-%d", "respondedAt": "%s",\
                                 "answers": [{"questionId": "nps", "score": %d}]}""",
                                UUID.randomUUID(),
                                surveyId,
                                touchpoint,
                                ReferenceDay.CHANNELS.get(i % ReferenceDay.CHANNELS.size()),
                                i,
                                dayStart.plusMillis(i * 1_000L),
                                nps));
            }
            batches.add(body.append("]}").toString());
        }

        AtomicInteger next = new AtomicInteger();
        AtomicInteger stored = new AtomicInteger();
        List<Long> requestMs = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            running.add(senders.submit(() -> {
                for (int b = next.getAndIncrement(); b < batches.size(); b = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    HttpResponse<String> r =
                            http.send(batch(token, batches.get(b)), HttpResponse.BodyHandlers.ofString());
                    synchronized (requestMs) {
                        requestMs.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
                    }
                    assertEquals(200, r.statusCode(), r.body());
                    // Every item must be stored now: a 503 item would need resending, which this benchmark does not.
                    int created = r.body().split("\"status\":201", -1).length - 1;
                    assertEquals(Math.min(BATCH, DAY - b * BATCH), created, r.body());
                    stored.addAndGet(created);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        senders.shutdown();
        long accepted = System.nanoTime();
        long counted = waitFor(() -> npsCount(analyst, touchpoint) - countedBefore, DAY, start);
        int expectedCases = detractors;
        long cased = waitFor(() -> casesOpened(manager, touchpoint) - casesBefore, expectedCases, start);

        long[] sortedMs = requestMs.stream().mapToLong(Long::longValue).sorted().toArray();
        String report = String.format(
                Locale.ROOT,
                """
                a day replayed over HTTP (%d responses, %d per POST /api/responses/batch, %d senders, %d cores,\
                 load average %.1f)
                  all accepted (200, every item 201) : %.1f s (%.0f responses/s); request p50 %d ms, max %d ms
                  all counted in NPS                 : %.1f s after the first request
                  every detractor's case opened (%d): %.1f s after the first request
                """,
                DAY,
                BATCH,
                SENDERS,
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                (accepted - start) / 1e9,
                DAY / ((accepted - start) / 1e9),
                sortedMs[sortedMs.length / 2],
                sortedMs[sortedMs.length - 1],
                counted / 1000.0,
                expectedCases,
                cased / 1000.0);
        System.out.println(report);
        Path out = Path.of("target", "benchmark-day-replay.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertEquals(DAY, stored.get(), "every response stored once");
        assertEquals(DAY, npsCount(analyst, touchpoint) - countedBefore, "every response counted once");
    }

    private static HttpRequest batch(String token, String body) {
        return HttpRequest.newBuilder(URI.create(suite.url("response-service") + "/api/responses/batch"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** Milliseconds from {@code since} until {@code value} reaches {@code target}, polled every 100 ms. */
    private static long waitFor(LongSupplier value, long target, long since) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (value.getAsLong() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + value.getAsLong() + " of " + target + " after 5 minutes");
            }
            Thread.sleep(100);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }

    private static long npsCount(String analyst, String touchpoint) {
        return given().baseUri(suite.url("metrics-service"))
                .auth()
                .oauth2(analyst)
                .queryParam("touchpoint", touchpoint)
                .queryParam("from", "2000-01-01")
                .get("/api/metrics/nps")
                .jsonPath()
                .getLong("n");
    }

    private static long casesOpened(String manager, String touchpoint) {
        return given().baseUri(suite.url("case-service"))
                .auth()
                .oauth2(manager)
                .queryParam("touchpoint", touchpoint)
                .get("/api/cases/kpis")
                .jsonPath()
                .getLong("opened");
    }
}
