package org.voc.survey.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Sends records a consumer could not use to {@code <topic>.dlq}, unchanged (key, value, headers) plus
 * {@code dlq-reason}, {@code dlq-topic}, {@code dlq-partition} and {@code dlq-offset} headers, and waits for the
 * broker's acknowledgement: the consumer commits its offsets only after the dead letters are stored.
 */
@ApplicationScoped
public class DeadLetters {

    private final Map<String, Object> kafkaConfig;
    private volatile KafkaProducer<String, String> producer;

    public DeadLetters(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.kafkaConfig = kafkaConfig;
    }

    public void send(List<InboundEvents.Rejected> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        List<Future<?>> acks = new ArrayList<>(rejected.size());
        for (InboundEvents.Rejected r : rejected) {
            acks.add(producer().send(record(r)));
        }
        for (Future<?> ack : acks) {
            try {
                ack.get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while dead-lettering", e);
            } catch (ExecutionException | TimeoutException e) {
                // Not acknowledged: fail the batch so its offsets stay uncommitted and the records come back.
                throw new IllegalStateException("a dead letter could not be stored", e);
            }
        }
    }

    private ProducerRecord<String, String> record(InboundEvents.Rejected r) {
        ConsumerRecord<String, String> source = r.record();
        ProducerRecord<String, String> record = new ProducerRecord<>(source.topic() + ".dlq", source.key(),
                source.value());
        for (Header header : source.headers()) {
            record.headers().add(header);
        }
        header(record, "dlq-reason", r.reason());
        header(record, "dlq-topic", source.topic());
        header(record, "dlq-partition", Integer.toString(source.partition()));
        header(record, "dlq-offset", Long.toString(source.offset()));
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }

    /** Created on first use: most batches have no dead letter. */
    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties props = new Properties();
                    props.putAll(kafkaConfig);
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
                    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, "survey-service-dlq");
                    producer = new KafkaProducer<>(props);
                }
                p = producer;
            }
        }
        return p;
    }

    void stop(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close();
        }
    }
}
