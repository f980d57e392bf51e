package org.voc.survey.distribution.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.voc.events.Interaction;
import org.voc.kit.inbound.InboundEvents;
import org.voc.kit.inbound.Reads;
import org.voc.kit.problem.Violation;
import org.voc.survey.distribution.domain.DecisionResult;
import org.voc.survey.distribution.domain.DecisionWriter;
import org.voc.survey.distribution.domain.InteractionRules;

/**
 * Interactions streamed by source systems on {@code voc.interactions}, decided on the same path as the API and under
 * the kit's inbound-event policy: the poll's offsets are committed once every decision is committed and every
 * unusable record (invalid, or an interaction id reused with another body) is on {@code voc.interactions.dlq}. A
 * writer that is full or slow is waited out: deciding is idempotent by interaction id.
 */
@ApplicationScoped
public class InteractionConsumer {

    private static final Reads READS = Reads.of(Interaction.TYPE, InteractionConsumer::invalid);

    private final InboundEvents inbound;
    private final DecisionWriter writer;

    public InteractionConsumer(InboundEvents inbound, DecisionWriter writer) {
        this.inbound = inbound;
        this.writer = writer;
    }

    @Incoming("interactions")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbound.consume(records, READS, batch -> {
            List<CompletableFuture<DecisionResult>> decided =
                    batch.events(Interaction.TYPE).stream().map(writer::decide).toList();
            decided.forEach(CompletableFuture::join);
        });
    }

    private static String invalid(Interaction interaction) {
        List<Violation> violations = InteractionRules.violations(interaction, "", Instant.now());
        return violations.isEmpty()
                ? null
                : String.join(
                        "; ",
                        violations.stream()
                                .map(v -> v.field() + " " + v.message())
                                .toList());
    }
}
