package org.voc.survey.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;
import org.voc.events.CloudEventHeaders;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Turns a batch of Kafka records into event records (copied from case-service, see docs/decisions.md #1). A record
 * that cannot be used is logged at ERROR with its topic/partition/offset, counted in {@code voc.events.rejected}
 * and returned among the rejected ones, for the caller to dead-letter: a poison record must not stop the consumer
 * forever, nor vanish.
 */
@ApplicationScoped
public class InboundEvents {

    private static final Logger LOG = Logger.getLogger(InboundEvents.class);

    /** The usable events of a batch, each with its record, and the records that were not usable, with why. */
    public record Parsed<T>(List<Accepted<T>> accepted, List<Rejected> rejected) {
        public List<T> events() {
            return accepted.stream().map(Accepted::event).toList();
        }
    }

    public record Accepted<T>(ConsumerRecord<String, String> record, T event) {
    }

    public record Rejected(ConsumerRecord<String, String> record, String reason) {
    }

    private final ObjectMapper json;
    private final MeterRegistry registry;

    public InboundEvents(ObjectMapper json, MeterRegistry registry) {
        // Producers may add optional fields to an event type (the contracts' evolution rule): tolerate them here,
        // whereas the API rejects unknown fields in requests.
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.registry = registry;
    }

    /**
     * Parses every record of the expected CloudEvents type; {@code invalid} returns why a parsed event cannot be
     * used, or null. A record without {@code ce_type} is accepted; tombstones (null values) are skipped silently.
     */
    public <T> Parsed<T> parse(ConsumerRecords<String, String> records, String expectedType, Class<T> type,
            Function<T, String> invalid) {
        List<Accepted<T>> events = new ArrayList<>(records.count());
        List<Rejected> rejected = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            if (record.value() == null) {
                LOG.debugf("ignoring tombstone %s-%d@%d", record.topic(), record.partition(), record.offset());
                continue;
            }
            String ceType = header(record, CloudEventHeaders.TYPE);
            if (ceType != null && !ceType.equals(expectedType)) {
                rejected.add(reject(record, "type '" + ceType + "' is not " + expectedType));
                continue;
            }
            T event;
            try {
                event = json.readValue(record.value(), type);
            } catch (Exception e) {
                rejected.add(reject(record, "unreadable " + type.getSimpleName() + ": " + e.getMessage()));
                continue;
            }
            String reason = event == null ? "empty payload" : invalid.apply(event);
            if (reason != null) {
                rejected.add(reject(record, reason));
                continue;
            }
            events.add(new Accepted<>(record, event));
        }
        return new Parsed<>(events, rejected);
    }

    /** Logs and counts a record that will not be applied. */
    public Rejected reject(ConsumerRecord<String, String> record, String reason) {
        LOG.errorf("skipping record %s-%d@%d (key %s, ce_id %s): %s", record.topic(), record.partition(),
                record.offset(), record.key(), header(record, CloudEventHeaders.ID), reason);
        registry.counter("voc.events.rejected", "topic", record.topic()).increment();
        return new Rejected(record, reason);
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
