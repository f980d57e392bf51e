package org.voc.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.voc.events.ActionImpactAssessed;
import org.voc.events.CloudEventHeaders;
import org.voc.events.ResponseSubmitted;
import org.voc.events.TeamState;
import org.voc.events.Topics;
import org.voc.events.TouchpointState;
import org.voc.testsupport.TestInfra;

/**
 * Publishes events to the real test broker the way touchpoint-registry and response-service do (CloudEvents binary
 * headers, key = aggregate id), synchronously, so a test knows the broker has them.
 */
final class Events implements AutoCloseable {

    static final Instant RESPONDED_AT = Instant.parse("2026-11-25T09:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final KafkaProducer<String, String> producer;

    Events() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static TouchpointState touchpoint(UUID id, String key, String ownerTeam, long revision) {
        return new TouchpointState(
                id,
                key,
                "Touchpoint " + key,
                "WEB",
                "USAGE",
                "DIRECT",
                List.of("RETAIL"),
                null,
                ownerTeam,
                "ACTIVE",
                revision,
                RESPONDED_AT);
    }

    static ResponseSubmitted response(String touchpointKey, Integer nps, String comment) {
        List<ResponseSubmitted.Answer> answers = comment == null
                ? List.of(new ResponseSubmitted.Answer("nps", "NPS", nps, null))
                : List.of(
                        new ResponseSubmitted.Answer("nps", "NPS", nps, null),
                        new ResponseSubmitted.Answer("why", "TEXT", null, comment));
        return new ResponseSubmitted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                touchpointKey,
                "WEB",
                "cust-" + unique(),
                RESPONDED_AT,
                nps,
                answers);
    }

    /** The state of a team whose case agents are {@code members} (null: a state from before teams had members). */
    static TeamState team(UUID id, String key, long revision, String... members) {
        return new TeamState(
                id,
                key,
                "Team " + key,
                null,
                List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                "08:00",
                "18:00",
                "Europe/Paris",
                revision,
                RESPONDED_AT,
                List.of(members),
                null,
                null);
    }

    /** A partition of the topic chosen at random: records a test sends to one partition are consumed in order. */
    int anyPartition(String topic) {
        return ThreadLocalRandom.current().nextInt(producer.partitionsFor(topic).size());
    }

    void publish(TouchpointState state, Integer partition) {
        send(
                Topics.TOUCHPOINTS,
                partition,
                state.id().toString(),
                TouchpointState.TYPE.type(),
                json(state),
                UUID.randomUUID().toString());
    }

    void publish(TeamState state, Integer partition) {
        send(
                Topics.TEAMS,
                partition,
                state.id().toString(),
                TeamState.TYPE.type(),
                json(state),
                UUID.randomUUID().toString());
    }

    /** Publishes the response with the given CloudEvents id (the same id twice is a redelivery). */
    void publish(ResponseSubmitted response, Integer partition, String ceId) {
        send(
                Topics.RESPONSES,
                partition,
                response.responseId().toString(),
                ResponseSubmitted.TYPE.type(),
                json(response),
                ceId);
    }

    void publish(ResponseSubmitted response, Integer partition) {
        publish(response, partition, UUID.randomUUID().toString());
    }

    /** Publishes metrics-service's verdict with the given CloudEvents id (the same id twice is a redelivery). */
    void publish(ActionImpactAssessed verdict, String ceId) {
        send(Topics.IMPACT, null, verdict.actionId().toString(), ActionImpactAssessed.TYPE.type(), json(verdict), ceId);
    }

    void send(String topic, Integer partition, String key, String type, String value, String ceId) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, partition, key, value);
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.ID, ceId);
        header(record, CloudEventHeaders.TYPE, type);
        header(record, CloudEventHeaders.SOURCE, "/case-service-tests");
        header(record, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(Instant.now()));
        header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(Object event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
