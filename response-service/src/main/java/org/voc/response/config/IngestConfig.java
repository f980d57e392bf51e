package org.voc.response.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.voc.kit.commit.GroupCommitConfig;

/**
 * Settings of response intake: the group-commit writer ({@code max-batch}, {@code queue-capacity},
 * {@code commit-timeout}, {@code retry-after}, see {@link GroupCommitConfig}) and the limits of a submission.
 */
@ConfigMapping(prefix = "voc.ingest")
public interface IngestConfig extends GroupCommitConfig {

    /** Longest free-text answer, in characters. */
    @WithDefault("4000")
    int maxTextLength();

    /** How long "the latest version of a survey" is reused before the replica is asked again. */
    @WithDefault("2s")
    Duration latestVersionTtl();
}
