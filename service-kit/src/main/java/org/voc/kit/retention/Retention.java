package org.voc.kit.retention;

import io.quarkus.arc.All;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs every {@link RetentionRule} of the service each {@code voc.retention.interval}. Safe with several replicas:
 * {@link Sweeps} lets one replica run a rule at a time, in short batches claimed with {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class Retention {

    static final String INTERVAL = "1h";
    static final String BATCH_SIZE = "1000";

    private static final Logger LOG = Logger.getLogger(Retention.class);

    private final Sweeps sweeps;
    private final List<RetentionRule> rules;
    private final int batchSize;

    public Retention(
            Sweeps sweeps,
            @All List<RetentionRule> rules,
            @ConfigProperty(name = "voc.retention.batch-size", defaultValue = BATCH_SIZE) int batchSize) {
        this.sweeps = sweeps;
        this.rules = rules;
        this.batchSize = batchSize;
    }

    @Scheduled(
            every = "${voc.retention.interval:" + INTERVAL + "}",
            delayed = "${voc.retention.interval:" + INTERVAL + "}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            sweep(Instant.now());
        } catch (RuntimeException e) {
            // The next run treats the same rows: nothing is kept for good, but operators should see it.
            LOG.errorf(e, "the retention sweep failed");
        }
    }

    /** Treats what is older than each rule's limit at {@code now}; returns the rows treated (0 when all are off). */
    public long sweep(Instant now) {
        long treated = 0;
        for (RetentionRule rule : rules) {
            if (rule.limit().isPresent()) {
                Instant before = now.minus(rule.limit().get());
                treated += sweeps.run(rule.name(), batchSize, () -> rule.apply(before, batchSize))
                        .orElse(0);
            }
        }
        return treated;
    }
}
