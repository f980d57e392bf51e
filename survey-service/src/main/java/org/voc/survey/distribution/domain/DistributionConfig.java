package org.voc.survey.distribution.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.voc.kit.commit.GroupCommitConfig;

/**
 * Settings of distribution: the decision writer ({@code max-batch}, {@code queue-capacity}, {@code commit-timeout},
 * {@code retry-after}, see {@link GroupCommitConfig}) and invitation links. The expiry sweep's settings share the
 * prefix but belong to invitations ({@code InvitationExpiryConfig}).
 */
@ConfigMapping(prefix = "voc.distribution")
public interface DistributionConfig extends GroupCommitConfig {

    /** Where respondents open an invitation: the link is this base URL + {@code /s/} + the signed token. */
    @WithDefault("http://localhost:8083")
    String linkBaseUrl();
}
