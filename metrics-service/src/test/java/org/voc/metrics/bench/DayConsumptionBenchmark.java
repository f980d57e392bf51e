package org.voc.metrics.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.voc.events.CloudEventHeaders;
import org.voc.events.ResponseSubmitted;
import org.voc.testsupport.EventProducer;
import org.voc.testsupport.TestInfra;

/**
 * The reference platform's day, 80,000 responses (NPS, CSAT and CES answers each, four segments and channels, 300
 * employees, spread over 22 hours), put on {@code voc.responses} at once and timed from the first send until the
 * roll-ups hold all of them: the consumer alone, in this JVM, without the other services of the e2e
 * MetricsFreshnessBenchmark (which measures the same day with the packaged services). Excluded from the test phase;
 * run it with {@code ./mvnw -B test -pl metrics-service -Dtest=DayConsumptionBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dbench.day.responses=…}) and copy the figures into
 * docs/performance.md.
 */
@QuarkusTest
class DayConsumptionBenchmark {

    static final int DAY = Integer.getInteger("bench.day.responses", 80_000);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void consumingADay() throws Exception {
        String touchpoint = "day-" + UUID.randomUUID().toString().substring(0, 8);
        UUID surveyId = UUID.randomUUID();
        String[] segments = {"RETAIL", "SME", "PRIVATE", "CORPORATE"};
        String[] channels = {"WEB", "APP", "BRANCH", "CONTACT_CENTER"};
        Instant day = Instant.parse("2025-04-01T01:00:00Z");
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        long start;
        long produced;
        try (EventProducer json = new EventProducer(); // for its JSON mapper
                KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
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
        }
        long deadline = start + Duration.ofMinutes(5).toNanos();
        long counted;
        while ((counted = counted(touchpoint)) < DAY && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long done = System.nanoTime();
        System.out.printf(
                "DAY BENCHMARK %d responses (NPS, CSAT, CES), %d cores: produced in %.1f s, first send -> all"
                        + " counted %.1f s (%.0f responses/s)%n",
                DAY,
                Runtime.getRuntime().availableProcessors(),
                (produced - start) / 1e9,
                (done - start) / 1e9,
                DAY / ((done - start) / 1e9));
        assertEquals(DAY, counted, "every response counted once");
        assertEquals(DAY, sum("score_rollup_day", touchpoint));
        assertEquals(DAY, sum("people_rollup_day", touchpoint));
    }

    /** NPS values in the hourly roll-up, the one the e2e benchmark's NPS query reads. */
    private long counted(String touchpoint) throws SQLException {
        return sum("score_rollup_hour", touchpoint);
    }

    private long sum(String table, String touchpoint) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select coalesce(sum(n), 0) from " + table
                        + " where metric = 'NPS' and question_id = '' and touchpoint_key = ?")) {
            s.setString(1, touchpoint);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
