package org.voc.response.domain;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.voc.kit.retention.Sweeps;
import org.voc.response.config.RetentionConfig;
import org.voc.response.persistence.ResponseRepository;

/**
 * Blanks the free texts of responses older than {@code voc.retention.verbatims}. Safe with several replicas: the
 * kit's sweeps let one replica sweep at a time, in short batches claimed with {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    private final Sweeps sweeps;
    private final ResponseRepository responses;
    private final RetentionConfig config;

    public Retention(Sweeps sweeps, ResponseRepository responses, RetentionConfig config) {
        this.sweeps = sweeps;
        this.responses = responses;
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
            // The next run treats the same rows: nothing is kept for good, but operators should see it.
            LOG.errorf(e, "the retention sweep failed");
        }
    }

    /** Blanks what is older than the limit at {@code now}; returns the responses treated (0 when off). */
    public long sweep(Instant now) {
        if (config.verbatims().isEmpty()) {
            return 0;
        }
        Instant before = now.minus(config.verbatims().get());
        int batch = config.batchSize();
        return sweeps.run("response.verbatims", batch, () -> responses.blankTextsBefore(before, batch))
                .orElse(0);
    }
}
