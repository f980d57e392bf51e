package org.voc.metrics.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.voc.events.CloudEventHeaders;
import org.voc.events.EventTypes;
import org.voc.events.ResponseSubmitted;
import org.voc.metrics.domain.NpsService;
import org.voc.metrics.domain.ScoredResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Feeds {@code voc.response.submitted.v1} events into the NPS roll-ups, one transaction per poll batch. Records
 * that cannot be read are logged, counted in {@code voc.events.rejected} and skipped, so a poison record never
 * stops the stream; a database failure does stop it (failure-strategy=fail) and the batch is read again.
 */
@ApplicationScoped
public class ResponseConsumer {

    private static final Logger LOG = Logger.getLogger(ResponseConsumer.class);

    // Beyond these PostgreSQL or the bucket arithmetic would fail the whole batch, again and again.
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private final NpsService nps;
    private final MeterRegistry registry;
    // Tolerant reader: producers may add optional fields to the contract before this service knows them.
    private final ObjectReader reader;

    public ResponseConsumer(NpsService nps, ObjectMapper json, MeterRegistry registry) {
        this.nps = nps;
        this.registry = registry;
        this.reader = json.readerFor(ResponseSubmitted.class)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Incoming("responses")
    @Blocking
    @Transactional
    public void consume(ConsumerRecords<String, String> records) {
        List<ScoredResponse> scored = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            read(record).ifPresent(scored::add);
        }
        int counted = nps.record(scored);
        LOG.debugf("batch of %d records: %d scored, %d newly counted", records.count(), scored.size(), counted);
    }

    /** The response's NPS vote, or empty when the record has none or cannot be used. */
    private Optional<ScoredResponse> read(ConsumerRecord<String, String> record) {
        String type = header(record, CloudEventHeaders.TYPE);
        if (type != null && !EventTypes.RESPONSE_SUBMITTED_V1.equals(type)) {
            LOG.debugf("ignoring %s at %s-%d@%d", type, record.topic(), record.partition(), record.offset());
            return Optional.empty();
        }
        if (record.value() == null) {
            return reject(record, "the record has no value");
        }
        ResponseSubmitted event;
        try {
            event = reader.readValue(record.value());
        } catch (JsonProcessingException e) {
            return reject(record, "not a ResponseSubmitted JSON document: " + e.getOriginalMessage());
        }
        if (event == null) {
            return reject(record, "the value is JSON null");
        }
        if (event.nps() == null) {
            return Optional.empty(); // the survey has no NPS question or it was skipped: nothing to count
        }
        if (event.responseId() == null || event.respondedAt() == null || !storable(event.touchpointKey())
                || event.touchpointKey().isBlank() || event.channel() != null && !storable(event.channel())) {
            return reject(record, "responseId, respondedAt and touchpointKey (without NUL characters) are required");
        }
        if (event.respondedAt().isBefore(EARLIEST) || event.respondedAt().isAfter(LATEST)) {
            return reject(record, "respondedAt " + event.respondedAt() + " is outside the years 1–9999");
        }
        if (event.nps() < 0 || event.nps() > 10) {
            return reject(record, "nps " + event.nps() + " is outside 0–10");
        }
        return Optional.of(new ScoredResponse(event.responseId(), event.touchpointKey(), event.channel(),
                event.respondedAt(), event.nps()));
    }

    /** PostgreSQL text cannot hold NUL: such a value would fail the whole batch again and again. */
    private static boolean storable(String value) {
        return value != null && value.indexOf('\0') < 0;
    }

    private Optional<ScoredResponse> reject(ConsumerRecord<String, String> record, String reason) {
        LOG.errorf("skipping record %s-%d@%d (key %s, ce_id %s): %s", record.topic(), record.partition(),
                record.offset(), record.key(), header(record, CloudEventHeaders.ID), reason);
        registry.counter("voc.events.rejected", "topic", record.topic()).increment();
        return Optional.empty();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
