package org.voc.cases.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.voc.cases.domain.CaseService;
import org.voc.events.ResponseSubmitted;
import org.voc.kit.inbound.InboundEvents;

/**
 * Submitted responses from {@code voc.responses}: each poll opens the cases of the responses that match the case
 * rules in one transaction,
 * idempotently through the unique response id of a case, so redeliveries and replays open nothing twice.
 */
@ApplicationScoped
public class ResponseConsumer {

    private final InboundEvents inbound;
    private final CaseService cases;

    public ResponseConsumer(InboundEvents inbound, CaseService cases) {
        this.inbound = inbound;
        this.cases = cases;
    }

    @Incoming("responses")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbound.consume(records, ResponseSubmitted.TYPE, cases::open);
    }
}
