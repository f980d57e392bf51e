package org.voc.survey.invitation.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Keys that sign invitation tokens (docs/invitations.md). */
@ConfigMapping(prefix = "voc.invitation-keys")
public interface InvitationKeyConfig {

    /**
     * Secret from which the key that encrypts private signing keys at rest is derived. Every replica needs the
     * same value; changing it makes the stored keys unreadable (the service then refuses to start).
     */
    String encryptionSecret();

    /** Age at which the current key is replaced by a new one on its next use. */
    @WithDefault("P30D")
    Duration rotationPeriod();

    /**
     * How long a superseded key stays published: must exceed the longest invitation time-to-live (P90D), so that
     * rotation never breaks an open invitation.
     */
    @WithDefault("P91D")
    Duration retireAfter();

    /** How often a replica re-reads the current key, so a rotation made by another replica is picked up. */
    @WithDefault("PT1M")
    Duration refreshInterval();
}
