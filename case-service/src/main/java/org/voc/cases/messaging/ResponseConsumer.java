package org.voc.cases.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.voc.cases.domain.CaseService;
import org.voc.events.EventTypes;
import org.voc.events.ResponseSubmitted;

import io.smallrye.common.annotation.Blocking;

/**
 * Consumes {@code voc.responses}: each batch opens the detractors' cases in one transaction. Idempotent through the
 * unique response id of a case, so redeliveries and replays open nothing twice.
 */
@ApplicationScoped
public class ResponseConsumer {

    private static final Logger LOG = Logger.getLogger(ResponseConsumer.class);

    private final InboundEvents events;
    private final CaseService cases;

    public ResponseConsumer(InboundEvents events, CaseService cases) {
        this.events = events;
        this.cases = cases;
    }

    @Incoming("responses")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        List<ResponseSubmitted> responses = events.parse(records, EventTypes.RESPONSE_SUBMITTED_V1,
                ResponseSubmitted.class, ResponseConsumer::invalid);
        if (!responses.isEmpty()) {
            int opened = cases.open(responses);
            LOG.debugf("%d responses, %d cases opened", responses.size(), opened);
        }
    }

    private static String invalid(ResponseSubmitted r) {
        if (r.responseId() == null) {
            return "responseId is missing";
        }
        if (r.surveyId() == null) {
            return "surveyId is missing";
        }
        if (r.nps() != null && (r.nps() < 0 || r.nps() > 10)) {
            return "nps " + r.nps() + " is not within 0..10";
        }
        return null;
    }
}
