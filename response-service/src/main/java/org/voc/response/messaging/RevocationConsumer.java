package org.voc.response.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.voc.events.InvitationKeyRetired;
import org.voc.events.InvitationRevoked;
import org.voc.kit.inbound.InboundEvents;
import org.voc.kit.inbound.Reads;
import org.voc.response.domain.Revocations;
import org.voc.response.persistence.RevocationRepository;

/**
 * Keeps the revoked invitations and retired signing keys under the kit's inbound-event policy, from
 * {@code voc.invitation-revocations}; a whole poll in one transaction, then this replica's copy is dropped so the
 * revocations apply here at once (the other replicas read them within {@code revocation-refresh}).
 */
@ApplicationScoped
public class RevocationConsumer {

    private static final Reads READS = Reads.of(InvitationRevoked.TYPE).and(InvitationKeyRetired.TYPE);

    private final InboundEvents inbound;
    private final RevocationRepository repository;
    private final Revocations revocations;

    public RevocationConsumer(InboundEvents inbound, RevocationRepository repository, Revocations revocations) {
        this.inbound = inbound;
        this.repository = repository;
        this.revocations = revocations;
    }

    @Incoming("invitation-revocations")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        AtomicBoolean stored = new AtomicBoolean();
        inbound.consume(records, READS, batch -> {
            repository.store(batch.events(InvitationRevoked.TYPE), batch.events(InvitationKeyRetired.TYPE));
            stored.set(true);
        });
        if (stored.get()) {
            // After the commit: dropped earlier, a request in between could read the old state for another interval.
            revocations.changed();
        }
    }
}
