package org.voc.metrics.touchpoints;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.voc.events.TouchpointState;
import org.voc.kit.inbound.InboundEvents;

/**
 * Touchpoint states from the compacted {@code voc.touchpoints} topic into the replica that gives breakdowns their
 * product, journey stage and owner team; unreadable states go to {@code voc.touchpoints.dlq}.
 */
@ApplicationScoped
public class TouchpointConsumer {

    private final InboundEvents inbound;
    private final TouchpointReplica replica;

    public TouchpointConsumer(InboundEvents inbound, TouchpointReplica replica) {
        this.inbound = inbound;
        this.replica = replica;
    }

    @Incoming("touchpoints")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbound.consume(records, TouchpointState.TYPE, replica::apply);
    }
}
