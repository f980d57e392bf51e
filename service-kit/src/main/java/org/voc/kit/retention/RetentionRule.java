package org.voc.kit.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One kind of customer data a service keeps only for a while (decisions, verbatims, finished cases). A service
 * declares each as a bean; the kit's {@link Retention} runs them all on its schedule.
 */
public interface RetentionRule {

    /** Names the sweep's lock and its metric, e.g. {@code response.verbatims}. */
    String name();

    /** How long the data is kept; empty when retention is off for it. */
    Optional<Duration> limit();

    /** Deletes or blanks at most {@code batchSize} rows older than {@code before}; returns how many it treated. */
    int apply(Instant before, int batchSize);
}
