package org.voc.survey.privacy.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.voc.events.ErasureCompleted;
import org.voc.kit.inbound.InboundEvents;
import org.voc.survey.privacy.domain.ErasureService;

/**
 * Services' erasure reports from {@code voc.erasure-reports}: each poll records them in one transaction; a report
 * already recorded changes nothing, so redeliveries and replays are harmless.
 */
@ApplicationScoped
public class ErasureReportConsumer {

    private final InboundEvents inbound;
    private final ErasureService erasures;

    public ErasureReportConsumer(InboundEvents inbound, ErasureService erasures) {
        this.inbound = inbound;
        this.erasures = erasures;
    }

    @Incoming("erasure-reports")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbound.consume(records, ErasureCompleted.TYPE, erasures::reported);
    }
}
