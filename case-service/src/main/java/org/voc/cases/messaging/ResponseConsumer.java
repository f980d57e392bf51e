package org.voc.cases.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.voc.cases.domain.CaseService;
import org.voc.events.ResponseSubmitted;
import org.voc.kit.inbound.InboundEvents;
import org.voc.kit.inbound.Reads;

/**
 * Consumes {@code voc.responses}: each poll opens the detractors' cases in one transaction. Idempotent through the
 * unique response id of a case, so redeliveries and replays open nothing twice.
 */
@ApplicationScoped
public class ResponseConsumer {

    private static final Logger LOG = Logger.getLogger(ResponseConsumer.class);
    private static final Reads READS = Reads.of(ResponseSubmitted.TYPE);

    private final InboundEvents inbound;
    private final CaseService cases;

    public ResponseConsumer(InboundEvents inbound, CaseService cases) {
        this.inbound = inbound;
        this.cases = cases;
    }

    @Incoming("responses")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbound.consume(records, READS, batch -> {
            int opened = cases.open(batch.events(ResponseSubmitted.TYPE));
            LOG.debugf("%d responses, %d cases opened", batch.size(), opened);
        });
    }
}
