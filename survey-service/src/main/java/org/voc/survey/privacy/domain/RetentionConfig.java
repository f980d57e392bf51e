package org.voc.survey.privacy.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.Optional;

/** How long survey-service keeps what it holds about customers (docs/operations.md, "Retention"). */
@ConfigMapping(prefix = "voc.retention")
public interface RetentionConfig {

    /** How often the retention sweep runs (repeated in application.properties, where @Scheduled reads it). */
    @WithDefault("1h")
    Duration interval();

    /** Rows deleted per transaction: short transactions never hold writers up for long. */
    @WithDefault("1000")
    @Positive
    int batchSize();

    /**
     * Age after which distribution decisions are deleted, and invitations that stopped working that long ago.
     * Unset (the default): kept until the customer is erased.
     */
    Optional<Duration> decisions();
}
