package org.voc.cases.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;
import org.voc.kit.retention.RetentionSettings;

/** How long case-service keeps finished cases (docs/operations.md, "Retention"). */
@ConfigMapping(prefix = "voc.retention")
public interface RetentionConfig extends RetentionSettings {

    /**
     * Age, counted from opening (also for cases closed later: the simplest rule that keeps no case past its
     * limit by much, since cases close within weeks), after which RESOLVED and CLOSED cases are deleted. Unset (the default): kept until the customer is erased, and then kept anonymised.
     */
    Optional<Duration> closedCases();
}
