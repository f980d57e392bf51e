package org.voc.response.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;
import org.voc.kit.retention.RetentionSettings;

/** How long response-service keeps customers' own words (docs/operations.md, "Retention"). */
@ConfigMapping(prefix = "voc.retention")
public interface RetentionConfig extends RetentionSettings {

    /**
     * Age (from receipt) after which the free texts (verbatims) of a response are blanked; scores stay. Unset (the
     * default): kept until the customer is erased.
     */
    Optional<Duration> verbatims();
}
