package org.voc.survey.invitation.domain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.voc.events.InvitationExpired;
import org.voc.kit.outbox.Outbox;
import org.voc.survey.invitation.persistence.InvitationRepository;

/**
 * Marks ISSUED invitations past their expiry as EXPIRED and publishes {@code InvitationExpired} for each, in
 * bounded transactions. Safe with several replicas: rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so two
 * sweeps running at once expire disjoint invitations and each is published once.
 */
@ApplicationScoped
public class InvitationExpiry {

    private static final Logger LOG = Logger.getLogger(InvitationExpiry.class);

    private final InvitationRepository invitations;
    private final Outbox outbox;
    private final InvitationExpiryConfig config;
    private final Counter expired;

    public InvitationExpiry(
            InvitationRepository invitations, Outbox outbox, InvitationExpiryConfig config, MeterRegistry registry) {
        this.invitations = invitations;
        this.outbox = outbox;
        this.config = config;
        this.expired = registry.counter("voc.distribution.invitations.expired");
    }

    @Scheduled(
            every = "${voc.distribution.expiry-sweep-interval}",
            delayed = "${voc.distribution.expiry-sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int count = sweep();
            if (count > 0) {
                LOG.debugf("%d invitations expired", count);
            }
        } catch (RuntimeException e) {
            // The next run picks the same rows up again: nothing is lost, but operators should see it.
            LOG.errorf(e, "the invitation expiry sweep failed");
        }
    }

    /** Expires every due invitation, a batch per transaction; returns how many. */
    public int sweep() {
        int total = 0;
        while (true) {
            int batch = QuarkusTransaction.requiringNew().call(this::expireBatch);
            total += batch;
            if (batch < config.expiryBatch()) {
                return total;
            }
        }
    }

    private int expireBatch() {
        List<Invitation> due = invitations.expireDue(Instant.now(), config.expiryBatch());
        outbox.publishAll(due.stream()
                .map(v -> InvitationExpired.TYPE.of(new InvitationExpired(
                        v.id(), v.surveyId(), v.surveyVersion(), v.touchpointKey(), v.customerRef(), v.expiredAt())))
                .toList());
        expired.increment(due.size());
        return due.size();
    }
}
