package org.voc.kit.inbound;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** Settings of the inbound-event policy every consumer follows. */
@ConfigMapping(prefix = "voc.inbound")
public interface InboundConfig {

    /** First pause after a transient failure (database or broker away); it doubles on every further attempt. */
    @WithDefault("200ms")
    @DurationMin(millis = 1)
    Duration retryBackoff();

    /** Longest pause between two attempts: the consumer retries at this pace until the failure passes. */
    @WithDefault("30s")
    @DurationMin(millis = 1)
    Duration maxRetryBackoff();

    /** How long a dead letter may take to be acknowledged before the attempt counts as a transient failure. */
    @WithDefault("30s")
    @DurationMin(millis = 1)
    Duration deadLetterTimeout();
}
