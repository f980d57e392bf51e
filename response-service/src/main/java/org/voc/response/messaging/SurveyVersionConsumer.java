package org.voc.response.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.voc.events.SurveyStatusChanged;
import org.voc.events.SurveyVersionPublished;
import org.voc.kit.inbound.InboundEvents;
import org.voc.kit.inbound.Reads;
import org.voc.response.domain.SurveyCatalog;
import org.voc.response.persistence.SurveyReplica;

/**
 * Keeps the survey replica under the kit's inbound-event policy: every {@code SurveyVersionPublished} on
 * {@code voc.surveys} becomes a row of {@code survey_version} (kept whole, as received), every
 * {@code SurveyStatusChanged} the survey's row of {@code survey_status}; a whole poll in one transaction.
 */
@ApplicationScoped
public class SurveyVersionConsumer {

    private static final Reads READS = Reads.of(SurveyVersionPublished.TYPE).and(SurveyStatusChanged.TYPE);

    private final InboundEvents inbound;
    private final SurveyReplica replica;
    private final SurveyCatalog catalog;
    private final Counter stored;

    public SurveyVersionConsumer(
            InboundEvents inbound, SurveyReplica replica, SurveyCatalog catalog, MeterRegistry registry) {
        this.inbound = inbound;
        this.replica = replica;
        this.catalog = catalog;
        this.stored = registry.counter("voc.surveys.replicated");
    }

    @Incoming("surveys")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbound.consume(records, READS, batch -> {
            List<SurveyReplica.Version> versions = batch.received(SurveyVersionPublished.TYPE).stream()
                    .map(r -> new SurveyReplica.Version(r.event(), r.record().value()))
                    .toList();
            List<SurveyStatusChanged> statuses = batch.events(SurveyStatusChanged.TYPE);
            stored.increment(replica.storeAll(versions));
            replica.storeStatuses(statuses);
            statuses.forEach(status -> catalog.statusChanged(status.surveyId()));
            // Before the commit is harmless: dropping a cached "latest" only makes the next lookup ask the table.
            Set<UUID> surveys = new HashSet<>();
            versions.forEach(v -> surveys.add(v.event().surveyId()));
            surveys.forEach(catalog::published);
        });
    }
}
