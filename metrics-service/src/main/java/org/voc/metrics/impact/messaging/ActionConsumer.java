package org.voc.metrics.impact.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.voc.events.ActionDone;
import org.voc.events.ActionVerified;
import org.voc.kit.inbound.InboundEvents;
import org.voc.kit.inbound.Reads;
import org.voc.metrics.impact.domain.ImpactStudies;

/**
 * Improvement actions marked DONE, from {@code voc.actions}, into impact studies; an action whose metric, question
 * or touchpoints the metrics cannot measure goes to {@code voc.actions.dlq} with the reason. Redelivery is harmless:
 * a study changes only for a later done date. Verified actions travel on the same topic and mean nothing here.
 */
@ApplicationScoped
public class ActionConsumer {

    private final InboundEvents inbound;
    private final ImpactStudies studies;

    public ActionConsumer(InboundEvents inbound, ImpactStudies studies) {
        this.inbound = inbound;
        this.studies = studies;
    }

    @Incoming("actions")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        Reads reads = Reads.of(ActionDone.TYPE, studies::unmeasurable).ignoring(ActionVerified.TYPE);
        inbound.consume(records, reads, batch -> {
            Instant now = Instant.now();
            batch.events(ActionDone.TYPE).forEach(event -> studies.record(event, now));
        });
    }
}
