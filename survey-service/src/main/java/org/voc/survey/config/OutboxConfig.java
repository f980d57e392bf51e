package org.voc.survey.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the transactional-outbox relay. */
@ConfigMapping(prefix = "voc.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code ce_source} of every event this service publishes. */
    String source();

    /** Most outbox rows sent to Kafka in one relay transaction. */
    @WithDefault("500")
    int batchSize();

    /** How long the relay sleeps when the outbox is empty; a commit wakes it earlier. */
    @WithDefault("500ms")
    Duration pollInterval();

    /** Upper bound for one batch to be acknowledged by Kafka before it is retried. */
    @WithDefault("30s")
    Duration deliveryTimeout();

    /** Pause after a failed batch, so an unreachable broker is not hammered. */
    @WithDefault("2s")
    Duration retryBackoff();
}
