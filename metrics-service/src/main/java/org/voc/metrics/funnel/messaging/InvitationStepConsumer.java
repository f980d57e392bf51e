package org.voc.metrics.funnel.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.voc.events.InvitationExpired;
import org.voc.events.InvitationIssued;
import org.voc.events.InvitationOpened;
import org.voc.kit.inbound.EventBatch;
import org.voc.kit.inbound.InboundEvents;
import org.voc.kit.inbound.Reads;
import org.voc.kit.inbound.Received;
import org.voc.metrics.funnel.domain.FunnelService;
import org.voc.metrics.funnel.domain.InvitationFact;

/**
 * Feeds the issued, opened and expired steps of {@code voc.invitations} into the funnel under the kit's
 * inbound-event policy (one transaction per poll, {@code voc.invitations.dlq} for what can never be counted).
 * Idempotent because a step is set once on the invitation's row.
 */
@ApplicationScoped
public class InvitationStepConsumer {

    private static final Logger LOG = Logger.getLogger(InvitationStepConsumer.class);

    // The issue fixes the cohort and its dimensions: without them it could never be counted.
    private static final Reads READS = Reads.of(InvitationIssued.TYPE, InvitationStepConsumer::unusable)
            .and(InvitationOpened.TYPE)
            .and(
                    InvitationExpired.TYPE,
                    e -> e.invitationId() == null || e.expiredAt() == null
                            ? "invitationId and expiredAt are required"
                            : null);

    private final InboundEvents inbound;
    private final FunnelService funnel;

    public InvitationStepConsumer(InboundEvents inbound, FunnelService funnel) {
        this.inbound = inbound;
        this.funnel = funnel;
    }

    @Incoming("funnel-invitations")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbound.consume(records, READS, batch -> {
            long counted = funnel.record(steps(batch));
            LOG.debugf("%d invitation events: %d steps newly counted", batch.size(), counted);
        });
    }

    /** One fact per event, in offset order across the three types (a partition keeps an invitation's order). */
    private static List<InvitationFact> steps(EventBatch batch) {
        List<Stepped> steps = new ArrayList<>(batch.size());
        for (Received<InvitationIssued> r : batch.received(InvitationIssued.TYPE)) {
            InvitationIssued e = r.event();
            steps.add(new Stepped(
                    r.record().partition(),
                    r.record().offset(),
                    new InvitationFact(
                            e.invitationId(),
                            e.surveyId(),
                            e.touchpointKey(),
                            e.channel(),
                            e.deliveryChannel(),
                            e.issuedAt(),
                            null,
                            null,
                            null)));
        }
        for (Received<InvitationOpened> r : batch.received(InvitationOpened.TYPE)) {
            InvitationOpened e = r.event();
            steps.add(new Stepped(
                    r.record().partition(),
                    r.record().offset(),
                    new InvitationFact(
                            e.invitationId(),
                            e.surveyId(),
                            e.touchpointKey(),
                            e.channel(),
                            null,
                            null,
                            e.openedAt(),
                            null,
                            null)));
        }
        for (Received<InvitationExpired> r : batch.received(InvitationExpired.TYPE)) {
            InvitationExpired e = r.event();
            steps.add(new Stepped(
                    r.record().partition(),
                    r.record().offset(),
                    new InvitationFact(
                            e.invitationId(),
                            e.surveyId(),
                            e.touchpointKey(),
                            null,
                            null,
                            null,
                            null,
                            null,
                            e.expiredAt())));
        }
        steps.sort((a, b) -> a.partition != b.partition
                ? Integer.compare(a.partition, b.partition)
                : Long.compare(a.offset, b.offset));
        return steps.stream().map(Stepped::fact).toList();
    }

    private static String unusable(InvitationIssued e) {
        return e.invitationId() == null || e.surveyId() == null || e.touchpointKey() == null || e.issuedAt() == null
                ? "invitationId, surveyId, touchpointKey and issuedAt are required"
                : null;
    }

    private record Stepped(int partition, long offset, InvitationFact fact) {}
}
