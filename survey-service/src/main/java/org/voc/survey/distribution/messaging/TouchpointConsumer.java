package org.voc.survey.distribution.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.voc.events.TouchpointState;
import org.voc.kit.inbound.InboundEvents;
import org.voc.survey.distribution.domain.TouchpointReplicaService;

/**
 * Touchpoint states from the compacted {@code voc.touchpoints} topic into the replica that distribution resolves
 * interactions against (by key or by external reference); the newest revision of a touchpoint wins.
 */
@ApplicationScoped
public class TouchpointConsumer {

    private final InboundEvents inbound;
    private final TouchpointReplicaService touchpoints;

    public TouchpointConsumer(InboundEvents inbound, TouchpointReplicaService touchpoints) {
        this.inbound = inbound;
        this.touchpoints = touchpoints;
    }

    @Incoming("touchpoints")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbound.consume(records, TouchpointState.TYPE, touchpoints::apply);
    }
}
