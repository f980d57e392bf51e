package org.voc.touchpoint.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.voc.events.SurveyStatusChanged;
import org.voc.events.SurveyVersionPublished;
import org.voc.kit.inbound.InboundEvents;
import org.voc.kit.inbound.Reads;
import org.voc.touchpoint.persistence.SurveyCoverageRepository;

/**
 * Learns from {@code voc.surveys} which touchpoints published surveys ask about, for the coverage audit. A whole
 * poll is stored in one transaction; versions are immutable and keyed by (survey, version), so a replay inserts
 * nothing twice. Status changes travel on the same topic and mean nothing to the audit.
 */
@ApplicationScoped
public class SurveyConsumer {

    private static final Reads READS = Reads.of(SurveyVersionPublished.TYPE).ignoring(SurveyStatusChanged.TYPE);

    private final InboundEvents inbound;
    private final SurveyCoverageRepository surveys;

    public SurveyConsumer(InboundEvents inbound, SurveyCoverageRepository surveys) {
        this.inbound = inbound;
        this.surveys = surveys;
    }

    @Incoming("surveys")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbound.consume(
                records,
                READS,
                batch -> surveys.storeAll(batch.events(SurveyVersionPublished.TYPE).stream()
                        .map(e -> new SurveyCoverageRepository.Version(
                                e.surveyId(),
                                e.version(),
                                e.touchpointKeys() == null ? List.of() : e.touchpointKeys(),
                                e.publishedAt()))
                        .toList()));
    }
}
