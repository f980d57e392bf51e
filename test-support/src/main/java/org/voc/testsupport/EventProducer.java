package org.voc.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.voc.events.CloudEventHeaders;
import org.voc.events.Event;

/**
 * Sends events to the real test broker as the suite's producers do (CloudEvents headers in binary mode, JSON value,
 * the aggregate id as key), or any record at all, as a broken or hostile producer would. Every send waits for the
 * broker's acknowledgement, so a test knows the record is there.
 */
public final class EventProducer implements AutoCloseable {

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final KafkaProducer<String, String> producer;

    public EventProducer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(props);
    }

    /** Publishes an event with a fresh {@code ce_id}, on the partition its key hashes to. */
    public void publish(Event<?> event) {
        publish(event, null, UUID.randomUUID().toString());
    }

    /** Publishes an event on a given partition (null: by key) with a given {@code ce_id}. */
    public void publish(Event<?> event, Integer partition, String ceId) {
        send(event.type().topic(), partition, event.key(), event.type().type(), write(event.payload()), ceId);
    }

    /** Any record: a null {@code ceType} sends no {@code ce_type} header, a null {@code ceId} no {@code ce_id}. */
    public void send(String topic, Integer partition, String key, String ceType, String value, String ceId) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, partition, key, value);
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.ID, ceId);
        header(record, CloudEventHeaders.TYPE, ceType);
        header(record, CloudEventHeaders.SOURCE, "/tests");
        header(record, CloudEventHeaders.TIME, Instant.now().toString());
        header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    public int partitions(String topic) {
        return producer.partitionsFor(topic).size();
    }

    public String write(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        if (value != null) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
