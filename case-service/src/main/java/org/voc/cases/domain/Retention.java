package org.voc.cases.domain;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.voc.cases.config.RetentionConfig;
import org.voc.cases.persistence.CaseRepository;
import org.voc.kit.retention.Sweeps;

/**
 * Deletes finished cases older than {@code voc.retention.closed-cases}. Safe with several replicas: the kit's
 * sweeps let one replica sweep at a time, in short batches claimed with {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    private final Sweeps sweeps;
    private final CaseRepository cases;
    private final RetentionConfig config;

    public Retention(Sweeps sweeps, CaseRepository cases, RetentionConfig config) {
        this.sweeps = sweeps;
        this.cases = cases;
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

    /** Deletes what is older than the limit at {@code now}; returns the cases deleted (0 when off). */
    public long sweep(Instant now) {
        if (config.closedCases().isEmpty()) {
            return 0;
        }
        Instant before = now.minus(config.closedCases().get());
        int batch = config.batchSize();
        return sweeps.run("case.closed-cases", batch, () -> cases.deleteFinishedBefore(before, batch))
                .orElse(0);
    }
}
