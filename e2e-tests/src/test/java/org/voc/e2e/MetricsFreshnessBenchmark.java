package org.voc.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.events.CloudEventHeaders;
import org.voc.events.ResponseSubmitted;
import org.voc.testsupport.EventProducer;
import org.voc.testsupport.TestInfra;
import org.voc.testsupport.Tokens;

/**
 * How fresh the metrics stay, against the packaged services as separate processes: (1) under a sustained, paced
 * load of submissions over HTTP (open loop: the rate does not drop when the system slows), probes measure the time
 * from a probe's 201 until metrics-service counts it and until case-service lists its case; (2) a day of the
 * reference platform (80,000 responses) put on voc.responses at once, timed until the roll-ups hold all of it.
 * Reports figures; asserts only that nothing failed. Run with `./voc bench metrics`.
 */
class MetricsFreshnessBenchmark {

    private static final int RATE = Integer.getInteger("bench.rate", 1000);
    private static final Duration LOAD = Duration.ofSeconds(Integer.getInteger("bench.seconds", 30));
    private static final int DAY = Integer.getInteger("bench.day.responses", 80_000);
    private static final int IN_FLIGHT = Integer.getInteger("bench.in-flight", 64);
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

        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / RATE;
        // Paced in ticks of 10 ms (a thread cannot wake every millisecond reliably): each tick sends its share.
        int perTick = Math.max(1, (int) (TimeUnit.MILLISECONDS.toNanos(10) / periodNanos));
        long start = System.nanoTime();
        pacer.scheduleAtFixedRate(
                () -> {
                    for (int i = 0; i < perTick; i++) {
                        if (!inFlight.tryAcquire()) {
                            skipped.incrementAndGet(); // more than IN_FLIGHT waiting: the system is not keeping up
                            continue;
                        }
                        int score = (int) (Math.random() * 11);
                        http.sendAsync(
                                        BenchmarkSurveys.post(
                                                suite,
                                                token,
                                                BenchmarkSurveys.response(surveyId, touchpoint, score, null)),
                                        HttpResponse.BodyHandlers.ofString())
                                .whenComplete((r, e) -> {
                                    inFlight.release();
                                    if (e == null && r.statusCode() == 201) {
                                        accepted.incrementAndGet();
                                    } else {
                                        failed.incrementAndGet();
                                    }
                                });
                    }
                },
                0,
                10,
                TimeUnit.MILLISECONDS);

        String analyst = Tokens.user("analyst");
        String manager = Tokens.user("manager");
        List<long[]> probes = new ArrayList<>();
        Thread.sleep(2_000); // let the load settle before the first probe
        long end = start + LOAD.toNanos();
        int probe = 0;
        while (System.nanoTime() < end) {
            String customer = "probe-" + probe + "-" + UUID.randomUUID();
            HttpResponse<String> r = http.send(
                    BenchmarkSurveys.post(
                            suite, token, BenchmarkSurveys.response(surveyId, probeTouchpoint, 1, customer)),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, r.statusCode(), r.body());
            long acceptedAt = System.nanoTime();
            int expected = ++probe;
            long inMetrics = waitUntil(() -> npsCount(analyst, probeTouchpoint) >= expected, acceptedAt);
            long caseOpen = waitUntil(() -> caseListed(manager, probeTouchpoint, customer), acceptedAt);
            probes.add(new long[] {inMetrics, caseOpen});
            Thread.sleep(100);
        }
        pacer.shutdown();
        pacer.awaitTermination(10, TimeUnit.SECONDS);
        inFlight.acquire(IN_FLIGHT); // every request answered
        double seconds = (System.nanoTime() - start) / 1e9;

        long[] metrics = probes.stream().mapToLong(p -> p[0]).sorted().toArray();
        long[] cases = probes.stream().mapToLong(p -> p[1]).sorted().toArray();
        String report = String.format(
                Locale.ROOT,
                """
                metrics freshness under load (%d responses/s offered for %d s, %d cores)
                  accepted (201)            : %d (%.0f/s), failed %d, not sent (over %d in flight) %d
                  201 -> counted in NPS ms  : p50 %d  p95 %d  p99 %d  max %d  (%d probes)
                  201 -> case listed ms     : p50 %d  p95 %d  p99 %d  max %d
                """,
                RATE,
                LOAD.toSeconds(),
                Runtime.getRuntime().availableProcessors(),
                accepted.get(),
                accepted.get() / seconds,
                failed.get(),
                IN_FLIGHT,
                skipped.get(),
                at(metrics, 0.50),
                at(metrics, 0.95),
                at(metrics, 0.99),
                at(metrics, 1.0),
                metrics.length,
                at(cases, 0.50),
                at(cases, 0.95),
                at(cases, 0.99),
                at(cases, 1.0));
        report("benchmark-metrics-freshness.txt", report);
        assertEquals(0, failed.get(), "every submission is accepted");
    }

    @Test
    void consumingADay() throws Exception {
        String touchpoint = "day-" + UUID.randomUUID().toString().substring(0, 8);
        String analyst = Tokens.user("analyst");
        UUID surveyId = UUID.randomUUID(); // metrics-service counts what voc.responses says; it knows no surveys
        String[] segments = {"RETAIL", "SME", "PRIVATE", "CORPORATE"};
        String[] channels = {"WEB", "APP", "BRANCH", "CONTACT_CENTER"};
        Instant day = Instant.now().minus(Duration.ofDays(1));
        EventProducer json = new EventProducer(); // for its JSON mapper only
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        long start;
        long produced;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            List<CompletableFuture<Void>> sends = new ArrayList<>(DAY);
            start = System.nanoTime();
            for (int i = 0; i < DAY; i++) {
                UUID id = UUID.randomUUID();
                int nps = i % 11;
                ResponseSubmitted event = new ResponseSubmitted(
                        id,
                        surveyId,
                        1,
                        touchpoint,
                        channels[i % channels.length],
                        "day-" + i,
                        day.plusMillis(i * 1_000L),
                        nps,
                        List.of(
                                new ResponseSubmitted.Answer("nps", "NPS", nps, null),
                                new ResponseSubmitted.Answer("csat", "CSAT", 1 + i % 5, null),
                                new ResponseSubmitted.Answer("ces", "CES", 1 + i % 7, null)),
                        null,
                        segments[i % segments.length],
                        "emp-" + i % 300,
                        null);
                ProducerRecord<String, String> record =
                        new ProducerRecord<>(ResponseSubmitted.TYPE.topic(), id.toString(), json.write(event));
                header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
                header(record, CloudEventHeaders.ID, id.toString());
                header(record, CloudEventHeaders.TYPE, ResponseSubmitted.TYPE.type());
                header(record, CloudEventHeaders.SOURCE, "/benchmark");
                header(record, CloudEventHeaders.TIME, Instant.now().toString());
                header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
                CompletableFuture<Void> sent = new CompletableFuture<>();
                producer.send(record, (m, e) -> {
                    if (e == null) {
                        sent.complete(null);
                    } else {
                        sent.completeExceptionally(e);
                    }
                });
                sends.add(sent);
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            produced = System.nanoTime();
        } finally {
            json.close();
        }
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

    private static long waitUntil(BooleanSupplier done, long since) throws InterruptedException {
        return waitUntil(done, since, Duration.ofSeconds(30));
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

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
