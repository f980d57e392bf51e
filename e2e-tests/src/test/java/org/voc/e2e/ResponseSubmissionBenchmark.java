package org.voc.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.testsupport.Tokens;

/**
 * Measures the response hot path on this machine, against the packaged services as separate processes: sustained
 * submissions from concurrent clients (every 201 is a committed, durable response), and how long an accepted
 * detractor takes to show in the NPS and to open its case. Reports figures; asserts only that nothing failed.
 * Not part of `./voc test`: run with `./voc bench`. Bounded in time and count; loopback only.
 */
class ResponseSubmissionBenchmark {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 64);
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmup.seconds", 10));
    private static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));
    private static final int PROBES = 20;

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
    void sustainedSubmissionAndLoopLatency() throws Exception {
        String touchpoint = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String surveyId = BenchmarkSurveys.publishNps(suite, "Benchmark NPS", touchpoint, touchpoint + "-probe");
        String token = Tokens.ingestClient();
        HttpClient http = BenchmarkSurveys.http();
        BenchmarkSurveys.awaitSurveyKnown(suite, http, token, surveyId, touchpoint);

        Supplier<HttpRequest> submission = () -> BenchmarkSurveys.post(
                suite, token, BenchmarkSurveys.response(surveyId, touchpoint, 7 + (int) (Math.random() * 4), null));
        Load.run(http, CLIENTS, WARM_UP, submission, 201, null);
        Load.Result run = Load.run(http, CLIENTS, MEASURE, submission, 201, null);

        long[][] loop = loopLatencies(http, token, surveyId, touchpoint);

        String report = String.format(
                Locale.ROOT,
                """
                response submission benchmark (%d clients, %d s measured after %d s warm-up, %d cores)
                  accepted (201, committed) : %d responses, %.0f responses/s
                  failed                    : %d
                  latency ms                : p50 %.1f  p95 %.1f  p99 %.1f  max %.1f
                  accepted -> in NPS ms     : median %d  max %d  (%d probes)
                  accepted -> case open ms  : median %d  max %d
                """,
                CLIENTS,
                MEASURE.toSeconds(),
                WARM_UP.toSeconds(),
                Runtime.getRuntime().availableProcessors(),
                run.latencies().length,
                run.perSecond(1),
                run.failures(),
                run.ms(0.50),
                run.ms(0.95),
                run.ms(0.99),
                run.ms(1.0),
                median(loop, 0),
                max(loop, 0),
                PROBES,
                median(loop, 1),
                max(loop, 1));
        System.out.println(report);
        Path out = Path.of("target", "benchmark-response-submission.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertEquals(0, run.failures(), "every submission is accepted");
    }

    /**
     * One detractor at a time on a quiet system: time from the 201 until metrics-service counts it and until
     * case-service lists its case, polled every 5 ms. Returns [nps latencies, case latencies] in ms.
     */
    private static long[][] loopLatencies(HttpClient http, String token, String surveyId, String touchpoint)
            throws Exception {
        String probeTouchpoint = touchpoint + "-probe";
        String analyst = Tokens.user("analyst");
        String manager = Tokens.user("manager"); // sees every team's cases, customers in clear
        long[][] result = new long[2][PROBES];
        for (int i = 0; i < PROBES; i++) {
            String customer = "probe-" + i + "-" + UUID.randomUUID();
            HttpResponse<String> r = http.send(
                    BenchmarkSurveys.post(
                            suite, token, BenchmarkSurveys.response(surveyId, probeTouchpoint, 2, customer)),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, r.statusCode(), r.body());
            long accepted = System.nanoTime();
            int expected = i + 1;
            result[0][i] = waitUntil(
                    () -> given().baseUri(suite.url("metrics-service"))
                                    .auth()
                                    .oauth2(analyst)
                                    .queryParam("touchpoint", probeTouchpoint)
                                    .get("/api/metrics/nps")
                                    .jsonPath()
                                    .getInt("n")
                            >= expected,
                    accepted);
            result[1][i] = waitUntil(
                    () -> given().baseUri(suite.url("case-service"))
                            .auth()
                            .oauth2(manager)
                            .queryParam("touchpoint", probeTouchpoint)
                            .queryParam("limit", 500)
                            .get("/api/cases")
                            .jsonPath()
                            .getList("items.customerRef")
                            .contains(customer),
                    accepted);
        }
        return result;
    }

    private static long waitUntil(java.util.function.BooleanSupplier done, long since) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not visible within 30 s");
            }
            Thread.sleep(5);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }

    private static long median(long[][] values, int row) {
        long[] copy = values[row].clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }

    private static long max(long[][] values, int row) {
        return Arrays.stream(values[row]).max().orElse(0);
    }
}
