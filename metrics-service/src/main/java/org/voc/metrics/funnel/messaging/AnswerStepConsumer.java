package org.voc.metrics.funnel.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.voc.events.ResponseSubmitted;
import org.voc.kit.inbound.InboundEvents;
import org.voc.metrics.funnel.domain.FunnelService;
import org.voc.metrics.funnel.domain.InvitationFact;

/**
 * Feeds the answered step into the funnel: a response on {@code voc.responses} that names its invitation. Its own
 * consumer group (apart from the NPS roll-ups), so each feature commits its own offsets; idempotent because a step
 * is set once on the invitation's row, which may well be recorded before the invitation's issue.
 */
@ApplicationScoped
public class AnswerStepConsumer {

    private static final Logger LOG = Logger.getLogger(AnswerStepConsumer.class);

    private final InboundEvents inbound;
    private final FunnelService funnel;

    public AnswerStepConsumer(InboundEvents inbound, FunnelService funnel) {
        this.inbound = inbound;
        this.funnel = funnel;
    }

    @Incoming("funnel-responses")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbound.consume(records, ResponseSubmitted.TYPE, events -> {
            // An uninvited response (direct POST, kiosk) is outside the funnel.
            List<InvitationFact> answered = events.stream()
                    .filter(e -> e.invitationId() != null)
                    .map(e -> new InvitationFact(
                            e.invitationId(),
                            e.surveyId(),
                            e.touchpointKey(),
                            e.channel(),
                            null,
                            null,
                            null,
                            e.respondedAt(),
                            null))
                    .toList();
            long counted = funnel.record(answered);
            LOG.debugf(
                    "%d responses: %d answered invitations, %d steps newly counted",
                    events.size(), answered.size(), counted);
        });
    }
}
