package org.voc.metrics.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.voc.events.ResponseSubmitted;
import org.voc.kit.inbound.InboundEvents;
import org.voc.kit.inbound.Reads;
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

    // Beyond these PostgreSQL or the bucket arithmetic cannot place the response.
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    private static final Reads READS = Reads.of(ResponseSubmitted.TYPE, ResponseConsumer::invalid);

    private final InboundEvents inbound;
    private final NpsService nps;

    public ResponseConsumer(InboundEvents inbound, NpsService nps) {
        this.inbound = inbound;
        this.nps = nps;
    }

    @Incoming("responses")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbound.consume(records, READS, batch -> {
            // A response without an NPS answer (no such question, or skipped) has nothing to count.
            List<ScoredResponse> scored = batch.events(ResponseSubmitted.TYPE).stream()
                    .filter(e -> e.nps() != null)
                    .map(e -> new ScoredResponse(
                            e.responseId(), e.touchpointKey(), e.channel(), e.respondedAt(), e.nps()))
                    .toList();
            int counted = nps.record(scored);
            LOG.debugf("%d events: %d scored, %d newly counted", batch.size(), scored.size(), counted);
        });
    }

    /** Beyond the contract: a time PostgreSQL and the hourly buckets can hold. */
    private static String invalid(ResponseSubmitted event) {
        return event.respondedAt().isBefore(EARLIEST) || event.respondedAt().isAfter(LATEST)
                ? "respondedAt " + event.respondedAt() + " is outside the years 1–9999"
                : null;
    }
}
