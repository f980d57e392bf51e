package org.voc.kit.commit;

import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Settings of one group-commit writer; a service's {@code @ConfigMapping} extends this interface under its own
 * prefix. Checked at start: a value out of range stops the service with a message naming the property.
 */
public interface GroupCommitConfig {

    /** Most items written in one transaction; the writer takes whatever is pending, up to this. */
    @WithDefault("256")
    @Positive
    int maxBatch();

    /** Items waiting for the writer; when full, requests are answered 503 with Retry-After. */
    @WithDefault("8192")
    @Positive
    int queueCapacity();

    /** How long a request waits for its item to be committed before it is answered 503 (safe to retry). */
    @WithDefault("15s")
    @DurationMin(millis = 1)
    Duration commitTimeout();

    /** Retry-After sent with a 503, so clients back off instead of hammering a saturated writer. */
    @WithDefault("1s")
    @DurationMin(seconds = 1)
    Duration retryAfter();
}
