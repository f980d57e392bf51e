package org.voc.survey.privacy.domain;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;
import org.voc.kit.retention.RetentionSettings;

/** How long survey-service keeps what it holds about customers (docs/operations.md, "Retention"). */
@ConfigMapping(prefix = "voc.retention")
public interface RetentionConfig extends RetentionSettings {

    /**
     * Age after which distribution decisions are deleted, and invitations that stopped working that long ago.
     * Unset (the default): kept until the customer is erased.
     */
    Optional<Duration> decisions();
}
