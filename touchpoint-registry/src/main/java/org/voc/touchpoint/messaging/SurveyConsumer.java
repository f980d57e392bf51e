package org.voc.touchpoint.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.voc.events.CloudEventHeaders;
import org.voc.events.EventTypes;
import org.voc.events.SurveyVersionPublished;
import org.voc.touchpoint.persistence.SurveyCoverageRepository;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;

/**
 * Learns from {@code voc.surveys} which touchpoints published surveys ask about, for the coverage audit. A whole
 * poll is stored in one transaction; versions are immutable and keyed by (survey, version), so a replay inserts
 * nothing twice. A database failure fails the channel (offsets stay uncommitted); an unreadable record is skipped.
 */
@ApplicationScoped
public class SurveyConsumer {

    private static final Logger LOG = Logger.getLogger(SurveyConsumer.class);

    private final SurveyCoverageRepository surveys;
    private final ObjectMapper json;
    private final Counter rejected;

    public SurveyConsumer(SurveyCoverageRepository surveys, ObjectMapper json, MeterRegistry registry) {
        this.surveys = surveys;
        // Tolerant: survey-service may add optional fields to the event.
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.rejected = registry.counter("voc.events.rejected", "topic", "voc.surveys");
    }

    @Incoming("surveys")
    @Blocking
    @Transactional
    public void consume(ConsumerRecords<String, String> records) {
        List<SurveyCoverageRepository.Version> versions = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            SurveyCoverageRepository.Version version = read(record);
            if (version != null) {
                versions.add(version);
            }
        }
        surveys.storeAll(versions);
    }

    private SurveyCoverageRepository.Version read(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return null; // a tombstone: versions are immutable, nothing to remove
        }
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        if (type != null && !EventTypes.SURVEY_VERSION_PUBLISHED_V1.equals(new String(type.value(), StandardCharsets.UTF_8))) {
            return null;
        }
        try {
            SurveyVersionPublished event = json.readValue(record.value(), SurveyVersionPublished.class);
            if (event == null || event.surveyId() == null || event.version() < 1) {
                reject(record, "surveyId or version is missing");
                return null;
            }
            return new SurveyCoverageRepository.Version(event.surveyId(), event.version(),
                    event.touchpointKeys() == null ? List.of() : event.touchpointKeys(), event.publishedAt());
        } catch (Exception e) {
            reject(record, e.toString());
            return null;
        }
    }

    private void reject(ConsumerRecord<String, String> record, String reason) {
        rejected.increment();
        LOG.errorf("skipping unreadable survey version at %s-%d@%d (key %s): %s", record.topic(), record.partition(),
                record.offset(), record.key(), reason);
    }
}
