package org.voc.cases.actions.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.voc.cases.actions.domain.ImprovementActions;
import org.voc.events.ActionImpactAssessed;
import org.voc.kit.inbound.InboundEvents;

/**
 * metrics-service's verdicts from {@code voc.impact}: each poll stores them on their actions in one transaction.
 * Idempotent: a verdict is stored only when it is newer than the stored one for the action's current doneAt, so a
 * redelivery or replay changes nothing.
 */
@ApplicationScoped
public class ImpactConsumer {

    private final InboundEvents inbound;
    private final ImprovementActions actions;

    public ImpactConsumer(InboundEvents inbound, ImprovementActions actions) {
        this.inbound = inbound;
        this.actions = actions;
    }

    @Incoming("impact")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbound.consume(records, ActionImpactAssessed.TYPE, actions::applyVerdicts);
    }
}
