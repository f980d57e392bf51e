package org.voc.response.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.voc.events.CloudEventHeaders;
import org.voc.events.EventTypes;
import org.voc.events.SurveyStatusChanged;
import org.voc.events.SurveyVersionPublished;
import org.voc.response.domain.SurveyCatalog;
import org.voc.response.persistence.SurveyReplica;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;

/**
 * Keeps the survey replica: every {@code SurveyVersionPublished} on {@code voc.surveys} becomes a row of
 * {@code survey_version}, every {@code SurveyStatusChanged} the survey's row of {@code survey_status}. A whole
 * poll is stored in one transaction; a database failure fails the channel (the
 * offsets are not committed, the pod restarts and reads the records again), an unreadable record is skipped.
 */
@ApplicationScoped
public class SurveyVersionConsumer {

    private static final Logger LOG = Logger.getLogger(SurveyVersionConsumer.class);

    private final SurveyReplica replica;
    private final SurveyCatalog catalog;
    private final Counter rejected;
    private final Counter stored;

    public SurveyVersionConsumer(SurveyReplica replica, SurveyCatalog catalog, MeterRegistry registry) {
        this.replica = replica;
        this.catalog = catalog;
        this.rejected = registry.counter("voc.events.rejected", "topic", "voc.surveys");
        this.stored = registry.counter("voc.surveys.replicated");
    }

    @Incoming("surveys")
    @Blocking
    @Transactional
    public void consume(ConsumerRecords<String, String> records) {
        List<SurveyReplica.Version> versions = new ArrayList<>(records.count());
        List<SurveyStatusChanged> statuses = new ArrayList<>();
        Set<UUID> surveys = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            if (record.value() != null
                    && EventTypes.SURVEY_STATUS_CHANGED_V1.equals(header(record, CloudEventHeaders.TYPE))) {
                SurveyStatusChanged status = readStatus(record);
                if (status != null) {
                    statuses.add(status);
                }
                continue;
            }
            SurveyReplica.Version version = read(record);
            if (version != null) {
                versions.add(version);
                surveys.add(version.event().surveyId());
            }
        }
        int inserted = replica.storeAll(versions);
        stored.increment(inserted);
        replica.storeStatuses(statuses);
        statuses.forEach(status -> catalog.statusChanged(status.surveyId()));
        // Before the commit is harmless: dropping a cached "latest" only makes the next lookup ask the table.
        surveys.forEach(catalog::published);
    }

    /** The version in a record, or null for a record this service does not replicate. */
    private SurveyReplica.Version read(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return null; // a tombstone: versions are immutable, so there is nothing to remove
        }
        String type = header(record, CloudEventHeaders.TYPE);
        if (type != null && !EventTypes.SURVEY_VERSION_PUBLISHED_V1.equals(type)) {
            LOG.debugf("ignoring %s at %s-%d@%d", type, record.topic(), record.partition(), record.offset());
            return null;
        }
        try {
            SurveyVersionPublished event = replica.parse(record.value());
            String problem = problem(event);
            if (problem == null) {
                return new SurveyReplica.Version(event, record.value());
            }
            reject(record, problem);
        } catch (Exception e) {
            reject(record, e.toString());
        }
        return null;
    }

    private SurveyStatusChanged readStatus(ConsumerRecord<String, String> record) {
        try {
            SurveyStatusChanged status = replica.parseStatus(record.value());
            if (status != null && status.surveyId() != null && status.status() != null && status.changedAt() != null) {
                return status;
            }
            reject(record, "surveyId, status and changedAt are required");
        } catch (Exception e) {
            reject(record, e.toString());
        }
        return null;
    }

    private static String problem(SurveyVersionPublished e) {
        if (e == null || e.surveyId() == null) {
            return "surveyId is missing";
        }
        if (e.version() < 1) {
            return "version must be at least 1";
        }
        if (e.publishedAt() == null) {
            return "publishedAt is missing";
        }
        if (e.questions() == null || e.questions().stream().anyMatch(q -> q == null || q.id() == null || q.type() == null)) {
            return "every question needs an id and a type";
        }
        return null;
    }

    private void reject(ConsumerRecord<String, String> record, String reason) {
        rejected.increment();
        LOG.errorf("skipping unreadable survey version at %s-%d@%d (key %s): %s", record.topic(), record.partition(),
                record.offset(), record.key(), reason);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
