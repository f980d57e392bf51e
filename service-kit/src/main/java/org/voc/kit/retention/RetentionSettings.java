package org.voc.kit.retention;

import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

/**
 * The settings every service's retention shares ({@code voc.retention.interval}, {@code batch-size}); a service's
 * {@code @ConfigMapping(prefix = "voc.retention")} extends it with its own limits, so each is validated at start.
 */
public interface RetentionSettings {

    /** How often the retention sweep runs. */
    @WithDefault(Retention.INTERVAL)
    Duration interval();

    /** Rows treated per transaction: short transactions never hold writers and consumers up for long. */
    @WithDefault(Retention.BATCH_SIZE)
    @Positive
    int batchSize();
}
