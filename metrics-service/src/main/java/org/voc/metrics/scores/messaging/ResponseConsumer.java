package org.voc.metrics.scores.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.voc.events.ResponseSubmitted;
import org.voc.kit.inbound.InboundEvents;
import org.voc.metrics.scores.domain.ScoreRecorder;

/**
 * Feeds {@code voc.response.submitted.v1} events into the score roll-ups under the kit's inbound-event policy: one
 * transaction per poll, a record that can never be counted on {@code voc.responses.dlq}, a database outage waited
 * out. Idempotent through the processed-response records that commit with the roll-up increments.
 */
@ApplicationScoped
public class ResponseConsumer {

    private static final Logger LOG = Logger.getLogger(ResponseConsumer.class);

    private final InboundEvents inbound;
    private final ScoreRecorder scores;

    public ResponseConsumer(InboundEvents inbound, ScoreRecorder scores) {
        this.inbound = inbound;
        this.scores = scores;
    }

    @Incoming("responses")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbound.consume(records, ResponseSubmitted.TYPE, events -> {
            int counted = scores.record(events);
            LOG.debugf("%d events, %d newly counted", events.size(), counted);
        });
    }
}
