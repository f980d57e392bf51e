package org.voc.survey.config;

import java.time.Duration;

import org.voc.kit.commit.GroupCommitConfig;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings of distribution: the decision writer ({@code max-batch}, {@code queue-capacity}, {@code commit-timeout},
 * {@code retry-after}, see {@link GroupCommitConfig}), invitation links and the expiry sweep.
 */
@ConfigMapping(prefix = "voc.distribution")
public interface DistributionConfig extends GroupCommitConfig {

    /** Where respondents open an invitation: the link is this base URL + {@code /s/} + the signed token. */
    @WithDefault("http://localhost:8083")
    String linkBaseUrl();

    /** How often the expiry sweep marks invitations past their expiry as EXPIRED. */
    @WithDefault("60s")
    Duration expirySweepInterval();

    /** Most invitations expired in one sweep transaction; a sweep runs batches until none is due. */
    @WithDefault("500")
    int expiryBatch();
}
