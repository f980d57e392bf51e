package org.voc.cases.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.voc.cases.domain.TeamReplicaService;
import org.voc.events.TeamState;
import org.voc.kit.inbound.InboundEvents;

/**
 * Team states from the compacted {@code voc.teams} topic: they keep the replica of team members that scopes what a
 * case agent sees. A membership change takes effect as soon as its state is applied.
 */
@ApplicationScoped
public class TeamConsumer {

    private final InboundEvents inbound;
    private final TeamReplicaService teams;

    public TeamConsumer(InboundEvents inbound, TeamReplicaService teams) {
        this.inbound = inbound;
        this.teams = teams;
    }

    @Incoming("teams")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbound.consume(records, TeamState.TYPE, teams::apply);
    }
}
