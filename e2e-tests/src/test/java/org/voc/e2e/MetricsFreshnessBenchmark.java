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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
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

    /**
     * bank (the default: 55 % promoters, 27 % passives, 18 % detractors, so about a fifth of the load opens a case, as
     * in the case benchmarks) or uniform (NPS 0–10 alike: 64 % open a case).
     */
    private static final boolean UNIFORM_SCORES =
            "uniform".equals(System.getProperty("bench.mix", "bank").strip().toLowerCase(Locale.ROOT));

    /**
     * Unmeasured, under the load: four JVMs sharing 2 cores take this long to compile their hot paths (probes in the
     * first 5 s took seconds). A cold start under load is what the restart below measures.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warm-up-seconds", 15));
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
        HttpClient http = BenchmarkSurveys.http();
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
                                        surveyId, touchpoint, ReferenceDay.npsScore(UNIFORM_SCORES), null)));
        KafkaLoad kafkaLoad = LOAD_VIA_KAFKA ? KafkaLoad.start(UUID.fromString(surveyId), touchpoint) : null;
        long start = System.nanoTime();
        // JIT and connection pools warm up under the load, unmeasured; so do this JVM's own polls (the first
        // RestAssured request loads Groovy, which took 2 s and made the first probe look slow on both paths).
        long warmedUp = System.nanoTime() + WARM_UP.toNanos();
        while (System.nanoTime() < warmedUp) {
            answers(() -> npsCount(analyst, probeTouchpoint) < 0);
            answers(() -> caseListed(manager, probeTouchpoint, "nobody"));
            Thread.sleep(POLL_MS);
        }
        long end = System.nanoTime() + LOAD.toNanos();
        // Halfway through, the consumers are killed (SIGKILL: no clean shutdown, uncommitted offsets) and started
        // again while the load goes on; probes keep going, and their freshness shows the catch-up.
        ConsumerRestart restart = RESTART.isEmpty() ? null : ConsumerRestart.after(LOAD.dividedBy(2), RESTART);
        List<Probe> probes = new ArrayList<>();
        ProbeStages stages = ProbeStages.watch(probeTouchpoint);
        int probe = 0;
        while (System.nanoTime() < end || (restart != null && !restart.windowOver())) {
            String customer = "probe-" + probe + "-" + UUID.randomUUID();
            HttpResponse<String> r = http.send(
                    BenchmarkSurveys.post(
                            suite, token, BenchmarkSurveys.response(surveyId, probeTouchpoint, 1, customer)),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, r.statusCode(), r.body());
            long acceptedAt = System.nanoTime();
            long acceptedWall = System.currentTimeMillis();
            int expected = ++probe;
            probes.add(visible(
                    acceptedAt,
                    acceptedWall,
                    customer,
                    () -> npsCount(analyst, probeTouchpoint) >= expected,
                    () -> caseListed(manager, probeTouchpoint, customer)));
            Thread.sleep(100);
        }
        Thread.sleep(1000); // the last case's voc.cases record may trail its listing
        stages.close();
        OpenLoad.Result result = load == null ? null : load.stop();
        int produced = kafkaLoad == null ? 0 : kafkaLoad.stop();
        if (restart != null) {
            restart.join();
        }

        long seconds = (System.nanoTime() - start) / 1_000_000_000L - WARM_UP.toSeconds();
        StringBuilder report = new StringBuilder(String.format(
                Locale.ROOT,
                "metrics freshness under load (%d responses/s requested for %d s after %d s warm-up, %s scores, %s,"
                        + " %d cores, load average %.1f)%n",
                RATE,
                seconds,
                WARM_UP.toSeconds(),
                UNIFORM_SCORES ? "uniform" : "bank-like",
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
        // Steady: seen on both paths before the kill. A probe the kill caught half-way waits out the restart and is
        // reported with those accepted while the consumers were down.
        List<Probe> steady = restart == null
                ? probes
                : probes.stream().filter(p -> p.seenAt() < restart.killedAt()).toList();
        report.append(freshness("steady", steady));
        report.append(stageReport(steady, stages));
        if (restart != null) {
            report.append(String.format(
                    Locale.ROOT,
                    "  restart: %s SIGKILLed, ready again after %d ms%n",
                    String.join(" and ", RESTART),
                    TimeUnit.NANOSECONDS.toMillis(restart.readyAt() - restart.killedAt())));
            report.append(freshness(
                    "caught by the kill or accepted while down",
                    probes.stream()
                            .filter(p -> p.seenAt() >= restart.killedAt() && p.acceptedAt() < restart.readyAt())
                            .toList()));
            report.append(freshness(
                    "first " + AFTER_RESTART.toSeconds() + " s after ready",
                    probes.stream()
                            .filter(p -> p.acceptedAt() >= restart.readyAt()
                                    && p.acceptedAt() < restart.readyAt() + AFTER_RESTART.toNanos())
                            .toList()));
        }
        report.append(footprint());
        report("benchmark-metrics-freshness.txt", report.toString());
        if (result != null) {
            assertEquals(0, result.failed(), "every submission is accepted");
        }
    }

    /**
     * One probe: nanoTime and wall-clock milliseconds of its 201, its customer, and milliseconds until it was counted
     * in the NPS and its case was listed.
     */
    private record Probe(long acceptedAt, long acceptedWall, String customer, long inMetricsMs, long caseListedMs) {
        /** nanoTime when the probe was last seen: counted and listed. */
        long seenAt() {
            return acceptedAt + TimeUnit.MILLISECONDS.toNanos(Math.max(inMetricsMs, caseListedMs));
        }
    }

    /**
     * A probe's path split at what the topics show (ProbeStages), in ms; {@link #UNSEEN} where a moment was not seen.
     * A stage may be slightly negative: the relay can send a response's event before its 201 reaches this JVM.
     */
    private record Split(Probe probe, long relay, long caseOpen, long caseRelay, long caseListed, long counted) {
        static final long UNSEEN = Long.MIN_VALUE;

        static Split of(Probe probe, ProbeStages.Stages at) {
            long accepted = probe.acceptedWall();
            return new Split(
                    probe,
                    between(accepted, at.relayed()),
                    between(at.relayed(), at.caseOpened()),
                    between(at.caseOpened(), at.caseRelayed()),
                    between(at.caseRelayed(), accepted + probe.caseListedMs()),
                    between(at.relayed(), accepted + probe.inMetricsMs()));
        }

        private static long between(long from, long to) {
            return from < 0 || to < 0 ? UNSEEN : to - from;
        }
    }

    /**
     * The steady probes' time by stage, and every probe slower than {@link #SLOW_MS} on either path with its split
     * and wall-clock time, to put beside the services' GC logs (target/e2e-logs/*-gc-*.log) and PostgreSQL's log.
     */
    private static String stageReport(List<Probe> probes, ProbeStages stages) {
        List<Split> splits =
                probes.stream().map(p -> Split.of(p, stages.of(p.customer()))).toList();
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                """
                  by stage, steady probes (ms; p50 / p95 / p99 / max; %d of %d probes seen on both topics):
                    201 -> on voc.responses (response-service relay)        : %s
                    on voc.responses -> counted in NPS (metrics + poll)     : %s
                    on voc.responses -> case opened (case-service consumer) : %s
                    case opened -> on voc.cases (case-service commit+relay) : %s
                    on voc.cases -> case listed (query + poll)              : %s
                    polls of GET /api/metrics/nps: %s; of GET /api/cases: %s (then %d ms apart)
                """,
                splits.stream().filter(s -> s.caseRelay() != Split.UNSEEN).count(),
                splits.size(),
                quantiles(splits.stream().mapToLong(Split::relay)),
                quantiles(splits.stream().mapToLong(Split::counted)),
                quantiles(splits.stream().mapToLong(Split::caseOpen)),
                quantiles(splits.stream().mapToLong(Split::caseRelay)),
                quantiles(splits.stream().mapToLong(Split::caseListed)),
                METRIC_QUERIES.mean(),
                CASE_QUERIES.mean(),
                POLL_MS));
        DateTimeFormatter clock = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
        for (Split s : splits) {
            if (s.probe().inMetricsMs() > SLOW_MS || s.probe().caseListedMs() > SLOW_MS) {
                out.append(String.format(
                        Locale.ROOT,
                        "    slow probe, 201 at %s UTC: counted %d, listed %d = relay %d | metrics %d | case open %d"
                                + " + relay %d + listed %d%n",
                        clock.format(Instant.ofEpochMilli(s.probe().acceptedWall())),
                        s.probe().inMetricsMs(),
                        s.probe().caseListedMs(),
                        s.relay(),
                        s.counted(),
                        s.caseOpen(),
                        s.caseRelay(),
                        s.caseListed()));
            }
        }
        return out.toString();
    }

    /** Each service's start to ready (the last start: a restarted consumer's was under the load) and peak RSS. */
    private static String footprint() {
        StringBuilder out = new StringBuilder("  services (JVM mode, -Xmx256m; start to ready, peak RSS):\n");
        for (ServiceProcess service : suite.running()) {
            out.append(String.format(
                    Locale.ROOT,
                    "    %-17s %5.1f s  %4s MiB%n",
                    service.name(),
                    service.readyAfter().toMillis() / 1000.0,
                    service.peakRssMib().stream()
                            .mapToObj(Long::toString)
                            .findFirst()
                            .orElse("?")));
        }
        return out.toString();
    }

    private static final long SLOW_MS = Long.getLong("bench.slow-ms", 500);

    private static String quantiles(LongStream values) {
        long[] sorted = values.filter(v -> v != Split.UNSEEN).sorted().toArray();
        return String.format(
                Locale.ROOT,
                "%d / %d / %d / %d",
                at(sorted, 0.50),
                at(sorted, 0.95),
                at(sorted, 0.99),
                at(sorted, 1.0));
    }

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
     * Polls metrics-service and case-service each on its own thread until both show the probe, so neither request's
     * time widens the other's figure. A service that does not answer (killed, restarting) has not shown it yet.
     */
    private static Probe visible(
            long acceptedAt, long acceptedWall, String customer, BooleanSupplier counted, BooleanSupplier cased)
            throws Exception {
        Future<Long> inCases = POLLER.submit(() -> await(acceptedAt, cased, CASE_QUERIES));
        long inMetrics = await(acceptedAt, counted, METRIC_QUERIES);
        return new Probe(acceptedAt, acceptedWall, customer, inMetrics, inCases.get());
    }

    private static final ExecutorService POLLER = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "case-poller");
        thread.setDaemon(true);
        return thread;
    });

    /** How many polls each path made and how long they took in all: the share of a figure that is the poll itself. */
    private record Polling(LongAdder count, LongAdder nanos) {
        Polling() {
            this(new LongAdder(), new LongAdder());
        }

        boolean timed(BooleanSupplier check) {
            long start = System.nanoTime();
            try {
                return answers(check);
            } finally {
                nanos.add(System.nanoTime() - start);
                count.increment();
            }
        }

        String mean() {
            return String.format(
                    Locale.ROOT, "%d polls, %.0f ms each", count.sum(), nanos.sum() / 1e6 / Math.max(1, count.sum()));
        }
    }

    private static final Polling METRIC_QUERIES = new Polling();
    private static final Polling CASE_QUERIES = new Polling();

    /** Milliseconds from {@code acceptedAt} until {@code shown} answers true. */
    private static long await(long acceptedAt, BooleanSupplier shown, Polling polling) throws InterruptedException {
        long deadline = acceptedAt + PATIENCE.toNanos();
        while (!polling.timed(shown)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("probe not visible within " + PATIENCE);
            }
            Thread.sleep(POLL_MS); // RestAssured polls cost CPU the load generator shares
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - acceptedAt);
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
                                        int nps = ReferenceDay.npsScore(UNIFORM_SCORES);
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
                            suite.restart(services);
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
                .queryParam("limit", 10) // newest first: the probe's case leads while it is the newest
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
