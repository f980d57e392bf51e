package org.voc.survey.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.voc.events.EventTypes;
import org.voc.events.TouchpointState;
import org.voc.survey.domain.TouchpointReplicaService;

import io.smallrye.common.annotation.Blocking;

/**
 * Consumes the compacted {@code voc.touchpoints} topic into the local replica, one transaction per poll.
 * Idempotent: a state is kept only when its revision is higher than the stored one.
 */
@ApplicationScoped
public class TouchpointConsumer {

    private static final Logger LOG = Logger.getLogger(TouchpointConsumer.class);

    private final InboundEvents events;
    private final DeadLetters deadLetters;
    private final TouchpointReplicaService replica;

    public TouchpointConsumer(InboundEvents events, DeadLetters deadLetters, TouchpointReplicaService replica) {
        this.events = events;
        this.deadLetters = deadLetters;
        this.replica = replica;
    }

    @Incoming("touchpoints")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        InboundEvents.Parsed<TouchpointState> parsed = events.parse(records, EventTypes.TOUCHPOINT_STATE_V1,
                TouchpointState.class, TouchpointConsumer::invalid);
        deadLetters.send(parsed.rejected());
        if (!parsed.accepted().isEmpty()) {
            int changed = replica.apply(parsed.events());
            LOG.debugf("%d touchpoint states, %d replica rows changed", parsed.accepted().size(), changed);
        }
    }

    private static String invalid(TouchpointState s) {
        if (s.id() == null) {
            return "id is missing";
        }
        if (s.key() == null || s.key().isBlank()) {
            return "key is missing";
        }
        if (s.status() == null) {
            return "status is missing";
        }
        return null;
    }
}
