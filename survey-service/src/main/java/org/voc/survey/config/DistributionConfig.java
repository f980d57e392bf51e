package org.voc.survey.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of distribution: the decision writer, invitation links and the expiry sweep. */
@ConfigMapping(prefix = "voc.distribution")
public interface DistributionConfig {

    /** Where respondents open an invitation: the link is this base URL + {@code /s/} + the signed token. */
    @WithDefault("http://localhost:8083")
    String linkBaseUrl();

    /** Most interactions decided in one transaction; the writer takes whatever is pending, up to this. */
    @WithDefault("256")
    int maxBatch();

    /** Interactions waiting for the writer; when full, intake is answered 503 with Retry-After. */
    @WithDefault("8192")
    int queueCapacity();

    /** How long a request waits for its decisions to be committed before it is answered 503 (safe to retry). */
    @WithDefault("15s")
    Duration commitTimeout();

    /** Retry-After sent with a 503, so clients back off instead of hammering a saturated writer. */
    @WithDefault("1s")
    Duration retryAfter();

    /** How often the expiry sweep marks invitations past their expiry as EXPIRED. */
    @WithDefault("60s")
    Duration expirySweepInterval();

    /** Most invitations expired in one sweep transaction; a sweep runs batches until none is due. */
    @WithDefault("500")
    int expiryBatch();
}
