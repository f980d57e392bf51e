package org.voc.cases.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.voc.cases.domain.TouchpointReplicaService;
import org.voc.events.TouchpointState;
import org.voc.kit.inbound.InboundEvents;

/**
 * Touchpoint states from the compacted {@code voc.touchpoints} topic: they keep the replica that routes cases to the
 * owner team, and route the cases that arrived before their touchpoint.
 */
@ApplicationScoped
public class TouchpointConsumer {

    private final InboundEvents inbound;
    private final TouchpointReplicaService routing;

    public TouchpointConsumer(InboundEvents inbound, TouchpointReplicaService routing) {
        this.inbound = inbound;
        this.routing = routing;
    }

    @Incoming("touchpoints")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbound.consume(records, TouchpointState.TYPE, routing::apply);
    }
}
