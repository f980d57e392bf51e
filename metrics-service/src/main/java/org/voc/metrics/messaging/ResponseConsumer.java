package org.voc.metrics.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.voc.events.ResponseSubmitted;
import org.voc.kit.inbound.InboundEvents;
import org.voc.metrics.domain.NpsService;
import org.voc.metrics.domain.ScoredResponse;

/**
 * Feeds {@code voc.response.submitted.v1} events into the NPS roll-ups under the kit's inbound-event policy: one
 * transaction per poll, a record that can never be counted on {@code voc.responses.dlq}, a database outage waited
 * out. Idempotent through the processed-response records that commit with the roll-up increments.
 */
@ApplicationScoped
public class ResponseConsumer {

    private static final Logger LOG = Logger.getLogger(ResponseConsumer.class);

    private final InboundEvents inbound;
    private final NpsService nps;

    public ResponseConsumer(InboundEvents inbound, NpsService nps) {
        this.inbound = inbound;
        this.nps = nps;
    }

    @Incoming("responses")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbound.consume(records, ResponseSubmitted.TYPE, events -> {
            // A response without an NPS answer (no such question, or skipped) has nothing to count.
            List<ScoredResponse> scored = events.stream()
                    .filter(e -> e.nps() != null)
                    .map(e -> new ScoredResponse(
                            e.responseId(), e.touchpointKey(), e.channel(), e.respondedAt(), e.nps()))
                    .toList();
            int counted = nps.record(scored);
            LOG.debugf("%d events: %d scored, %d newly counted", events.size(), scored.size(), counted);
        });
    }
}
