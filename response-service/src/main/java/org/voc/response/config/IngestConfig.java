package org.voc.response.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of response intake: the group-commit writer and the limits of a submission. */
@ConfigMapping(prefix = "voc.ingest")
public interface IngestConfig {

    /** Most responses written in one transaction; the writer takes whatever is pending, up to this. */
    @WithDefault("256")
    int maxBatch();

    /** Accepted responses waiting for the writer; when full, submissions are answered 503 with Retry-After. */
    @WithDefault("8192")
    int queueCapacity();

    /** How long a request waits for its response to be committed before it is answered 503 (safe to retry). */
    @WithDefault("15s")
    Duration commitTimeout();

    /** Retry-After sent with a 503, so clients back off instead of hammering a saturated writer. */
    @WithDefault("1s")
    Duration retryAfter();

    /** Longest free-text answer, in characters. */
    @WithDefault("4000")
    int maxTextLength();

    /** How long "the latest version of a survey" is reused before the replica is asked again. */
    @WithDefault("2s")
    Duration latestVersionTtl();
}
