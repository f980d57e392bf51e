package org.voc.metrics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.voc.events.CloudEventHeaders;
import org.voc.events.ResponseSubmitted;
import org.voc.events.Topics;
import org.voc.testsupport.TestInfra;
import org.voc.testsupport.Tokens;

/**
 * Publishes to the real {@code voc.responses} topic as response-service does (key = response id, CloudEvents
 * binary headers), and reads the NPS the service under test answers.
 */
final class ResponseTopic implements AutoCloseable {

    private static final Duration CONSUMED_TIMEOUT = Duration.ofSeconds(90);

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final KafkaProducer<String, String> producer;
    private final int partitions;

    ResponseTopic() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(props);
        partitions = producer.partitionsFor(Topics.RESPONSES).size();
    }

    static String touchpoint(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ResponseSubmitted response(String touchpoint, String channel, Instant respondedAt, Integer nps) {
        return new ResponseSubmitted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                touchpoint,
                channel,
                "cust-" + UUID.randomUUID().toString().substring(0, 8),
                respondedAt,
                nps,
                nps == null ? List.of() : List.of(new ResponseSubmitted.Answer("nps", "NPS", nps, null)));
    }

    int partitions() {
        return partitions;
    }

    /** Sends with {@code ce_id} = the response id, like a relay sending the same outbox row again. */
    void send(ResponseSubmitted event) {
        send(event, event.responseId().toString());
    }

    void send(ResponseSubmitted event, String ceId) {
        send(
                new ProducerRecord<>(Topics.RESPONSES, event.responseId().toString(), write(event)),
                ceId,
                ResponseSubmitted.TYPE.type());
    }

    /** Any value on one partition, with the CloudEvents headers of a response event. */
    void sendRaw(int partition, String key, String value) {
        send(
                new ProducerRecord<>(Topics.RESPONSES, partition, key, value),
                UUID.randomUUID().toString(),
                ResponseSubmitted.TYPE.type());
    }

    /**
     * Waits until the service has consumed everything sent before: one marker response on every partition, and
     * Kafka delivers each partition in order, so once all markers are counted so is every earlier record.
     */
    void awaitConsumed() {
        String marker = touchpoint("marker");
        for (int p = 0; p < partitions; p++) {
            ResponseSubmitted event = response(marker, null, Instant.now(), 10);
            send(
                    new ProducerRecord<>(Topics.RESPONSES, p, event.responseId().toString(), write(event)),
                    event.responseId().toString(),
                    ResponseSubmitted.TYPE.type());
        }
        awaitN(Map.of("touchpoint", marker), partitions);
    }

    /** Polls the NPS query until it counts {@code n} responses; fails after a generous timeout. */
    static JsonPath awaitN(Map<String, ?> params, long n) {
        AtomicReference<JsonPath> answer = new AtomicReference<>();
        await().atMost(CONSUMED_TIMEOUT)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    answer.set(nps(params));
                    assertEquals(n, answer.get().getLong("n"), "n for " + params);
                });
        return answer.get();
    }

    /** The NPS answer of the service as an analyst sees it. */
    static JsonPath nps(Map<String, ?> params) {
        return given().auth()
                .oauth2(Tokens.user("analyst"))
                .queryParams(params)
                .get("/api/metrics/nps")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath();
    }

    private void send(ProducerRecord<String, String> record, String ceId, String type) {
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.ID, ceId);
        header(record, CloudEventHeaders.TYPE, type);
        header(record, CloudEventHeaders.SOURCE, "/response-service");
        header(record, CloudEventHeaders.TIME, Instant.now().toString());
        header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send to " + record.topic(), e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private String write(ResponseSubmitted event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
