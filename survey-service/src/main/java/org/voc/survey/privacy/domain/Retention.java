package org.voc.survey.privacy.domain;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.voc.kit.retention.Sweeps;
import org.voc.survey.distribution.persistence.DecisionRepository;
import org.voc.survey.invitation.persistence.InvitationRepository;

/**
 * Deletes decisions and spent invitations older than {@code voc.retention.decisions}. Safe with several replicas:
 * the kit's sweeps let one replica sweep at a time, in short batches claimed with {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    private final Sweeps sweeps;
    private final DecisionRepository decisions;
    private final InvitationRepository invitations;
    private final RetentionConfig config;

    public Retention(
            Sweeps sweeps, DecisionRepository decisions, InvitationRepository invitations, RetentionConfig config) {
        this.sweeps = sweeps;
        this.decisions = decisions;
        this.invitations = invitations;
        this.config = config;
    }

    @Scheduled(
            every = "${voc.retention.interval}",
            delayed = "${voc.retention.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            sweep(Instant.now());
        } catch (RuntimeException e) {
            // The next run deletes the same rows: nothing is kept for good, but operators should see it.
            LOG.errorf(e, "the retention sweep failed");
        }
    }

    /** Deletes what is older than the limits at {@code now}; returns the rows deleted (0 when retention is off). */
    public long sweep(Instant now) {
        if (config.decisions().isEmpty()) {
            return 0;
        }
        Instant before = now.minus(config.decisions().get());
        int batch = config.batchSize();
        return sweeps.run("survey.decisions", batch, () -> decisions.deleteDecidedBefore(before, batch))
                        .orElse(0)
                + sweeps.run("survey.invitations", batch, () -> invitations.deleteExpiredBefore(before, batch))
                        .orElse(0);
    }
}
