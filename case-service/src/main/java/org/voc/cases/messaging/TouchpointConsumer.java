package org.voc.cases.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.voc.cases.domain.TouchpointReplicaService;
import org.voc.events.TouchpointState;
import org.voc.kit.inbound.InboundEvents;
import org.voc.kit.inbound.Reads;

/**
 * Consumes the compacted {@code voc.touchpoints} topic into the local replica. Idempotent because a state is kept
 * only when its revision is higher than the stored one.
 */
@ApplicationScoped
public class TouchpointConsumer {

    private static final Logger LOG = Logger.getLogger(TouchpointConsumer.class);
    private static final Reads READS = Reads.of(TouchpointState.TYPE);

    private final InboundEvents inbound;
    private final TouchpointReplicaService replica;

    public TouchpointConsumer(InboundEvents inbound, TouchpointReplicaService replica) {
        this.inbound = inbound;
        this.replica = replica;
    }

    @Incoming("touchpoints")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbound.consume(records, READS, batch -> {
            int routed = replica.apply(batch.events(TouchpointState.TYPE));
            LOG.debugf("%d touchpoint states, %d waiting cases routed", batch.size(), routed);
        });
    }
}
