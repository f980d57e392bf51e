package org.voc.response.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import org.voc.kit.retention.RetentionSettings;

/** How long response-service keeps customers' own words and its own bookkeeping (docs/operations.md, "Retention"). */
@ConfigMapping(prefix = "voc.retention")
public interface RetentionConfig extends RetentionSettings {

    /**
     * Age (from receipt) after which the free texts (verbatims) of a response are blanked; scores stay. Unset (the
     * default): kept until the customer is erased.
     */
    Optional<Duration> verbatims();

    /**
     * Age (from the first view) after which the record that an invitation was opened is deleted. It only serves to
     * publish the first view once, so it must outlive the invitation: the default is longer than the longest
     * invitation time-to-live survey-service allows (P90D).
     */
    @WithDefault("P91D")
    Duration openedInvitations();
}
