package org.voc.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.events.ResponseSubmitted;
import org.voc.testsupport.ReferenceDay;
import org.voc.testsupport.Tokens;

/**
 * How fresh the metrics stay, against the packaged services as separate processes: (1) under a sustained, paced
 * load of submissions over HTTP ({@link OpenLoad}: the rate does not drop when the system slows; or, with
 * {@code -Dbench.load=kafka}, the same rate put straight on voc.responses), probes measure the
 * time from a probe's 201 until metrics-service counts it and until case-service lists its case, before and after
 * the consumers are killed with SIGKILL and started again halfway through; (2) a day of the
 * reference platform (80,000 responses) put on voc.responses at once, timed until the roll-ups hold all of it.
 * Reports figures; asserts only that nothing failed. Run with `./voc bench metrics`.
 */
class MetricsFreshnessBenchmark {

    private static final int RATE = Integer.getInteger("bench.rate", 1000);
    private static final Duration LOAD = Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));
    private static final int DAY = Integer.getInteger("bench.day.responses", 80_000);
    /** Senders (threads generator) or requests in flight at most (async generator). */
    private static final int CONCURRENCY = Integer.getInteger("bench.senders", 64);
    /** threads (blocking sends from a pool, the default) or async (sendAsync from the pacer, the first generator). */
    private static final OpenLoad.Mode GENERATOR = OpenLoad.Mode.valueOf(
            System.getProperty("bench.generator", "threads").toUpperCase(Locale.ROOT));

    /**
     * http (the load submitted to response-service, the default) or kafka (the load put straight on voc.responses
     * by a producer in this JVM, so the consumers face the full rate while response-service and the generator cost
     * almost nothing; only the probes go through HTTP).
     */
    private static final boolean LOAD_VIA_KAFKA =
            "kafka".equals(System.getProperty("bench.load", "http").strip().toLowerCase(Locale.ROOT));

    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warm-up-seconds", 5));
    /** Consumers killed halfway through the load and started again; empty for none. */
    private static final List<String> RESTART = Arrays.stream(
                    System.getProperty("bench.restart", "metrics-service,case-service")
                            .split(","))
            .map(String::strip)
            .filter(name -> !name.isEmpty())
            .toList();
    /** How long after the restarted consumers are ready the probes still count as "after a restart". */
    private static final Duration AFTER_RESTART =
            Duration.ofSeconds(Integer.getInteger("bench.after-restart-seconds", 10));
    /** A probe may wait out a whole consumer restart. */
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private static final int POLL_MS = Integer.getInteger("bench.poll-ms", 25);

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
    void freshnessUnderSustainedLoad() throws Exception {
        String touchpoint = "fresh-" + UUID.randomUUID().toString().substring(0, 8);
        String probeTouchpoint = touchpoint + "-probe";
        String surveyId = BenchmarkSurveys.publishNps(suite, "Freshness NPS", touchpoint, probeTouchpoint);
        String token = Tokens.ingestClient();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        BenchmarkSurveys.awaitSurveyKnown(suite, http, token, surveyId, touchpoint);
        String analyst = Tokens.user("analyst");
        String manager = Tokens.user("manager");

        OpenLoad load = LOAD_VIA_KAFKA
                ? null
                : OpenLoad.start(
                        http,
                        GENERATOR,
                        RATE,
                        CONCURRENCY,
                        () -> BenchmarkSurveys.post(
                                suite,
                                token,
                                BenchmarkSurveys.response(
                                        surveyId,
                                        touchpoint,
                                        ThreadLocalRandom.current().nextInt(11),
                                        null)));
        KafkaLoad kafkaLoad = LOAD_VIA_KAFKA ? KafkaLoad.start(UUID.fromString(surveyId), touchpoint) : null;
        long start = System.nanoTime();
        Thread.sleep(WARM_UP.toMillis()); // JIT and connection pools warm up under the load, unmeasured
        long end = System.nanoTime() + LOAD.toNanos();
        // Halfway through, the consumers are killed (SIGKILL: no clean shutdown, uncommitted offsets) and started
        // again while the load goes on; probes keep going, and their freshness shows the catch-up.
        ConsumerRestart restart = RESTART.isEmpty() ? null : ConsumerRestart.after(LOAD.dividedBy(2), RESTART);
        List<Probe> probes = new ArrayList<>();
        int probe = 0;
        while (System.nanoTime() < end || (restart != null && !restart.windowOver())) {
            String customer = "probe-" + probe + "-" + UUID.randomUUID();
            HttpResponse<String> r = http.send(
                    BenchmarkSurveys.post(
                            suite, token, BenchmarkSurveys.response(surveyId, probeTouchpoint, 1, customer)),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, r.statusCode(), r.body());
            long acceptedAt = System.nanoTime();
            int expected = ++probe;
            probes.add(visible(
                    acceptedAt,
                    () -> npsCount(analyst, probeTouchpoint) >= expected,
                    () -> caseListed(manager, probeTouchpoint, customer)));
            Thread.sleep(100);
        }
        OpenLoad.Result result = load == null ? null : load.stop();
        int produced = kafkaLoad == null ? 0 : kafkaLoad.stop();
        if (restart != null) {
            restart.join();
        }

        long seconds = (System.nanoTime() - start) / 1_000_000_000L - WARM_UP.toSeconds();
        StringBuilder report = new StringBuilder(String.format(
                Locale.ROOT,
                "metrics freshness under load (%d responses/s requested for %d s after %d s warm-up, %s, %d cores,"
                        + " load average %.1f)%n",
                RATE,
                seconds,
                WARM_UP.toSeconds(),
                result == null
                        ? "put on voc.responses by a producer, probes over HTTP"
                        : "over HTTP, " + GENERATOR.name().toLowerCase(Locale.ROOT) + " generator, " + CONCURRENCY
                                + " senders",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        if (result == null) {
            report.append(String.format(
                    Locale.ROOT,
                    "  produced %d (%.0f/s over the whole run, warm-up included), every one acknowledged%n",
                    produced,
                    produced / ((System.nanoTime() - start) / 1e9)));
        } else {
            report.append(String.format(
                    Locale.ROOT,
                    """
                      requests due %d, sent %d, accepted (201) %d = %.0f/s, failed %d, dropped (not keeping up) %d
                      load 201 latency ms (from due)  : p50 %d  p95 %d  p99 %d  max %d
                      load 201 latency ms (from sent) : p50 %d  p95 %d  p99 %d  max %d
                    """,
                    result.due(),
                    result.sent(),
                    result.accepted(),
                    result.acceptedPerSecond(),
                    result.failed(),
                    result.dropped(),
                    OpenLoad.ms(result.lag(), 0.50),
                    OpenLoad.ms(result.lag(), 0.95),
                    OpenLoad.ms(result.lag(), 0.99),
                    OpenLoad.ms(result.lag(), 1.0),
                    OpenLoad.ms(result.service(), 0.50),
                    OpenLoad.ms(result.service(), 0.95),
                    OpenLoad.ms(result.service(), 0.99),
                    OpenLoad.ms(result.service(), 1.0)));
        }
        List<Probe> steady = restart == null
                ? probes
                : probes.stream()
                        .filter(p -> p.acceptedAt() < restart.killedAt())
                        .toList();
        report.append(freshness("steady", steady));
        if (restart != null) {
            report.append(String.format(
                    Locale.ROOT,
                    "  restart: %s SIGKILLed, ready again after %d ms%n",
                    String.join(" and ", RESTART),
                    TimeUnit.NANOSECONDS.toMillis(restart.readyAt() - restart.killedAt())));
            report.append(freshness(
                    "accepted while down",
                    probes.stream()
                            .filter(p -> p.acceptedAt() >= restart.killedAt() && p.acceptedAt() < restart.readyAt())
                            .toList()));
            report.append(freshness(
                    "first " + AFTER_RESTART.toSeconds() + " s after ready",
                    probes.stream()
                            .filter(p -> p.acceptedAt() >= restart.readyAt()
                                    && p.acceptedAt() < restart.readyAt() + AFTER_RESTART.toNanos())
                            .toList()));
        }
        report("benchmark-metrics-freshness.txt", report.toString());
        if (result != null) {
            assertEquals(0, result.failed(), "every submission is accepted");
        }
    }

    /** One probe: nanoTime of its 201, and milliseconds until it was counted in the NPS and its case was listed. */
    private record Probe(long acceptedAt, long inMetricsMs, long caseListedMs) {}

    private static String freshness(String phase, List<Probe> probes) {
        long[] metrics = probes.stream().mapToLong(Probe::inMetricsMs).sorted().toArray();
        long[] cases = probes.stream().mapToLong(Probe::caseListedMs).sorted().toArray();
        return String.format(
                Locale.ROOT,
                """
                  %s (%d probes):
                    201 -> counted in NPS ms : p50 %d  p95 %d  p99 %d  max %d
                    201 -> case listed ms    : p50 %d  p95 %d  p99 %d  max %d
                """,
                phase,
                probes.size(),
                at(metrics, 0.50),
                at(metrics, 0.95),
                at(metrics, 0.99),
                at(metrics, 1.0),
                at(cases, 0.50),
                at(cases, 0.95),
                at(cases, 0.99),
                at(cases, 1.0));
    }

    /**
     * Polls metrics-service and case-service in turn until both show the probe, so neither wait delays the other's
     * figure. A service that does not answer (killed, restarting) has not shown it yet.
     */
    private static Probe visible(long acceptedAt, BooleanSupplier counted, BooleanSupplier cased)
            throws InterruptedException {
        long deadline = acceptedAt + PATIENCE.toNanos();
        long inMetrics = -1;
        long caseListed = -1;
        while (inMetrics < 0 || caseListed < 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("probe not visible within " + PATIENCE);
            }
            if (inMetrics < 0 && answers(counted)) {
                inMetrics = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - acceptedAt);
            }
            if (caseListed < 0 && answers(cased)) {
                caseListed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - acceptedAt);
            }
            if (inMetrics < 0 || caseListed < 0) {
                Thread.sleep(POLL_MS); // RestAssured polls cost CPU the load generator shares
            }
        }
        return new Probe(acceptedAt, inMetrics, caseListed);
    }

    private static boolean answers(BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (Exception down) { // RestAssured rethrows ConnectException unchecked
            return false; // connection refused or not ready: the service is restarting
        }
    }

    /** The load put straight on voc.responses at {@link #RATE} a second, NPS 0–10 as the HTTP load sends it. */
    private static final class KafkaLoad {
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicInteger produced = new AtomicInteger();
        private final Thread thread;
        private volatile Exception failure;

        private KafkaLoad(UUID surveyId, String touchpoint) {
            thread = new Thread(
                    () -> {
                        try {
                            produced.set(ReferenceDay.sendPacedUntil(
                                    i -> {
                                        int nps = ThreadLocalRandom.current().nextInt(11);
                                        return new ResponseSubmitted(
                                                UUID.randomUUID(),
                                                surveyId,
                                                1,
                                                touchpoint,
                                                "WEB",
                                                "load-" + i,
                                                Instant.now(),
                                                nps,
                                                List.of(new ResponseSubmitted.Answer("nps", "NPS", nps, null)),
                                                null,
                                                null,
                                                null,
                                                null);
                                    },
                                    RATE,
                                    stop::get));
                        } catch (Exception e) {
                            failure = e;
                        }
                    },
                    "kafka-load");
            thread.start();
        }

        static KafkaLoad start(UUID surveyId, String touchpoint) {
            return new KafkaLoad(surveyId, touchpoint);
        }

        /** Stops the load; how many responses it put on the topic. */
        int stop() throws Exception {
            stop.set(true);
            thread.join();
            if (failure != null) {
                throw failure;
            }
            return produced.get();
        }
    }

    /** Kills the consumers once, after a delay, and starts them again; when they were killed and ready again. */
    private static final class ConsumerRestart {
        private final Thread thread;
        private volatile long killedAt = Long.MAX_VALUE;
        private volatile long readyAt = Long.MAX_VALUE;
        private volatile RuntimeException failure;

        private ConsumerRestart(Duration delay, List<String> services) {
            thread = new Thread(
                    () -> {
                        try {
                            Thread.sleep(delay.toMillis());
                            killedAt = System.nanoTime();
                            for (String service : services) {
                                suite.kill(service);
                            }
                            for (String service : services) {
                                suite.restart(service);
                            }
                            readyAt = System.nanoTime();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } catch (RuntimeException e) {
                            failure = e;
                            readyAt = System.nanoTime();
                        }
                    },
                    "consumer-restart");
            thread.start();
        }

        static ConsumerRestart after(Duration delay, List<String> services) {
            return new ConsumerRestart(delay, services);
        }

        long killedAt() {
            return killedAt;
        }

        long readyAt() {
            return readyAt;
        }

        /** True once the consumers have been ready again for the measured window. */
        boolean windowOver() {
            return readyAt != Long.MAX_VALUE && System.nanoTime() > readyAt + AFTER_RESTART.toNanos();
        }

        void join() throws InterruptedException {
            thread.join();
            if (failure != null) {
                throw failure;
            }
        }
    }

    @Test
    void consumingADay() throws Exception {
        String touchpoint = "day-" + UUID.randomUUID().toString().substring(0, 8);
        String analyst = Tokens.user("analyst");
        UUID surveyId = UUID.randomUUID(); // metrics-service counts what voc.responses says; it knows no surveys
        Instant day = Instant.now().minus(Duration.ofDays(1));
        ReferenceDay.Sent sent = ReferenceDay.send(surveyId, touchpoint, day, DAY);
        long start = sent.startNanos();
        long produced = sent.producedNanos();
        long counted = waitUntil(() -> npsCount(analyst, touchpoint) >= DAY, start, Duration.ofMinutes(5));
        String report = String.format(
                Locale.ROOT,
                """
                consuming a day (%d responses with NPS, CSAT and CES answers, on voc.responses at once, %d cores)
                  produced in               : %.1f s
                  first send -> all counted : %.1f s (%.0f responses/s)
                """,
                DAY,
                Runtime.getRuntime().availableProcessors(),
                (produced - start) / 1e9,
                counted / 1000.0,
                DAY / (counted / 1000.0));
        report("benchmark-metrics-day.txt", report);
        assertEquals(DAY, npsCount(analyst, touchpoint), "every response counted once");
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

    private static boolean caseListed(String manager, String touchpoint, String customer) {
        return given().baseUri(suite.url("case-service"))
                .auth()
                .oauth2(manager)
                .queryParam("touchpoint", touchpoint)
                .queryParam("limit", 500)
                .get("/api/cases")
                .jsonPath()
                .getList("items.customerRef")
                .contains(customer);
    }

    private static long waitUntil(BooleanSupplier done, long since, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not visible within " + patience);
            }
            Thread.sleep(POLL_MS); // RestAssured polls cost CPU the load generator shares
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }

    private static long at(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)];
    }

    private static void report(String file, String report) throws Exception {
        System.out.println(report);
        Path out = Path.of("target", file);
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }
}
