package org.voc.survey.announcement.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.voc.events.ActionDone;
import org.voc.events.ActionVerified;
import org.voc.kit.inbound.InboundEvents;
import org.voc.kit.inbound.Reads;
import org.voc.survey.announcement.domain.Announcements;

/**
 * Verified improvement actions from {@code voc.actions}: each poll's parts are announced in one transaction, once
 * each (a redelivered part finds its row and publishes nothing). Actions marked DONE travel on the same topic and
 * mean nothing here.
 */
@ApplicationScoped
public class ActionVerifiedConsumer {

    private static final Reads READS = Reads.of(ActionVerified.TYPE).ignoring(ActionDone.TYPE);

    private final InboundEvents inbound;
    private final Announcements announcements;

    public ActionVerifiedConsumer(InboundEvents inbound, Announcements announcements) {
        this.inbound = inbound;
        this.announcements = announcements;
    }

    @Incoming("actions")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbound.consume(records, READS, batch -> announcements.announce(batch.events(ActionVerified.TYPE)));
    }
}
