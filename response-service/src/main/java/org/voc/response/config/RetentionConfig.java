package org.voc.response.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.Optional;

/** How long response-service keeps customers' own words (docs/operations.md, "Retention"). */
@ConfigMapping(prefix = "voc.retention")
public interface RetentionConfig {

    /** How often the retention sweep runs (repeated in application.properties, where @Scheduled reads it). */
    @WithDefault("1h")
    Duration interval();

    /** Responses treated per transaction: short transactions never hold the writer up for long. */
    @WithDefault("1000")
    @Positive
    int batchSize();

    /**
     * Age (from receipt) after which the free texts (verbatims) of a response are blanked; scores stay. Unset (the
     * default): kept until the customer is erased.
     */
    Optional<Duration> verbatims();
}
