package org.voc.response.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.voc.events.ErasureRequested;
import org.voc.kit.inbound.InboundEvents;
import org.voc.response.domain.Erasures;

/** Erasure requests from {@code voc.erasures}: each poll anonymises and reports in one transaction. */
@ApplicationScoped
public class ErasureConsumer {

    private final InboundEvents inbound;
    private final Erasures erasures;

    public ErasureConsumer(InboundEvents inbound, Erasures erasures) {
        this.inbound = inbound;
        this.erasures = erasures;
    }

    @Incoming("erasures")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbound.consume(records, ErasureRequested.TYPE, erasures::erase);
    }
}
