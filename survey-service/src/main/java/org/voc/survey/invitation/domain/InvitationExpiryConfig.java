package org.voc.survey.invitation.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Settings of the invitation expiry sweep. They keep their {@code voc.distribution} names, which deployments already
 * set, beside the decision writer's settings in {@code DistributionConfig}.
 */
@ConfigMapping(prefix = "voc.distribution")
public interface InvitationExpiryConfig {

    /** How often the expiry sweep marks invitations past their expiry as EXPIRED. */
    @WithDefault("60s")
    Duration expirySweepInterval();

    /** Most invitations expired in one sweep transaction; a sweep runs batches until none is due. */
    @WithDefault("500")
    int expiryBatch();
}
