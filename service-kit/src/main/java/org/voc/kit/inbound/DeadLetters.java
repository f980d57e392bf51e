package org.voc.kit.inbound;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends records a consumer can never apply to {@code <topic>.dlq}, unchanged (key, value, headers) plus
 * {@code dlq-reason}, {@code dlq-topic}, {@code dlq-partition} and {@code dlq-offset} headers, and waits for the
 * broker's acknowledgement: the consumer's offsets are committed only after its dead letters are stored.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String SUFFIX = ".dlq";

    private final Map<String, Object> kafkaConfig;
    private final InboundConfig config;
    private final String clientId;
    private volatile KafkaProducer<String, String> producer;

    public DeadLetters(
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            InboundConfig config,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.kafkaConfig = kafkaConfig;
        this.config = config;
        this.clientId = application + "-dlq";
    }

    /** Stores every dead letter, or throws (a transient failure: nothing is committed, the poll is retried). */
    void send(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        List<Future<?>> acks = new ArrayList<>(letters.size());
        for (DeadLetter letter : letters) {
            acks.add(producer().send(record(letter)));
        }
        long deadline = System.nanoTime() + config.deadLetterTimeout().toNanos();
        for (Future<?> ack : acks) {
            try {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while dead-lettering", e);
            } catch (ExecutionException e) {
                throw new DeadLetterNotStored(e.getCause());
            } catch (TimeoutException e) {
                throw new DeadLetterNotStored(e);
            }
        }
    }

    /** The broker did not take a dead letter: always worth another attempt. */
    static final class DeadLetterNotStored extends RuntimeException {
        DeadLetterNotStored(Throwable cause) {
            super("a dead letter could not be stored: " + cause, cause);
        }
    }

    private static ProducerRecord<String, String> record(DeadLetter letter) {
        ConsumerRecord<String, String> source = letter.record();
        ProducerRecord<String, String> record =
                new ProducerRecord<>(source.topic() + SUFFIX, source.key(), source.value());
        for (Header header : source.headers()) {
            record.headers().add(header);
        }
        header(record, "dlq-reason", letter.reason());
        header(record, "dlq-topic", source.topic());
        header(record, "dlq-partition", Integer.toString(source.partition()));
        header(record, "dlq-offset", Long.toString(source.offset()));
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }

    /** Created on first use: most polls have no dead letter. */
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
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
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
