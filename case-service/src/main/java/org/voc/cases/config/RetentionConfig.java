package org.voc.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.Optional;

/** How long case-service keeps finished cases (docs/operations.md, "Retention"). */
@ConfigMapping(prefix = "voc.retention")
public interface RetentionConfig {

    /** How often the retention sweep runs (repeated in application.properties, where @Scheduled reads it). */
    @WithDefault("1h")
    Duration interval();

    /** Cases deleted per transaction: short transactions never hold the consumers up for long. */
    @WithDefault("1000")
    @Positive
    int batchSize();

    /**
     * Age, counted from opening (cases record no closing time yet), after which RESOLVED and CLOSED cases are
     * deleted. Unset (the default): kept until the customer is erased, and then kept anonymised.
     */
    Optional<Duration> closedCases();
}
