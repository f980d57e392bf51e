package org.voc.cases.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.voc.cases.domain.TouchpointReplicaService;
import org.voc.events.EventTypes;
import org.voc.events.TouchpointState;

import io.smallrye.common.annotation.Blocking;

/**
 * Consumes the compacted {@code voc.touchpoints} topic into the local replica. Idempotent because a state is kept
 * only when its revision is higher than the stored one.
 */
@ApplicationScoped
public class TouchpointConsumer {

    private static final Logger LOG = Logger.getLogger(TouchpointConsumer.class);

    private final InboundEvents events;
    private final TouchpointReplicaService replica;

    public TouchpointConsumer(InboundEvents events, TouchpointReplicaService replica) {
        this.events = events;
        this.replica = replica;
    }

    @Incoming("touchpoints")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<TouchpointState> states = events.parse(records, EventTypes.TOUCHPOINT_STATE_V1, TouchpointState.class,
                TouchpointConsumer::invalid);
        if (!states.isEmpty()) {
            int routed = replica.apply(states);
            LOG.debugf("%d touchpoint states, %d waiting cases routed", states.size(), routed);
        }
    }

    private static String invalid(TouchpointState s) {
        if (s.id() == null) {
            return "id is missing";
        }
        if (s.key() == null || s.key().isBlank()) {
            return "key is missing";
        }
        if (s.name() == null) {
            return "name is missing";
        }
        if (s.status() == null) {
            return "status is missing";
        }
        return null;
    }
}
