package org.voc.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

/** Settings of the transactional-outbox relay. */
@ConfigMapping(prefix = "voc.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code ce_source} of every event this service publishes. */
    @WithDefault("/${quarkus.application.name}")
    String source();

    /**
     * Largest event payload, in bytes, an API call may publish; a change that would publish a larger one is refused
     * (413) before anything is stored. Below the broker's default {@code message.max.bytes} (1 MiB) with room for
     * the record's key and headers.
     */
    @WithDefault("900000")
    @Positive
    int maxEventBytes();

    /** Most outbox rows sent to Kafka in one relay transaction. */
    @WithDefault("500")
    @Positive
    int batchSize();

    /** How long the relay sleeps when the outbox is empty; a commit wakes it earlier. */
    @WithDefault("500ms")
    Duration pollInterval();

    /**
     * How long the relay waits for a batch to be acknowledged before it counts a failed attempt. The records stay
     * with the producer, which keeps retrying them (see {@link #producerDeliveryTimeout()}).
     */
    @WithDefault("30s")
    Duration deliveryTimeout();

    /**
     * How long the idempotent producer keeps retrying one record before giving up on it. Only then is the row sent
     * again as a new record, which may duplicate it if the broker had stored the first one.
     */
    @WithDefault("5m")
    Duration producerDeliveryTimeout();

    /**
     * On shutdown, how long the relay keeps sending what is left before the process exits; what it cannot send in
     * time stays in the table for the next start. Part of the pod's grace period (docs/operations.md).
     */
    @WithDefault("5s")
    Duration drainTimeout();

    /** Pause after a failed batch, so an unreachable broker is not hammered. */
    @WithDefault("2s")
    Duration retryBackoff();
}
