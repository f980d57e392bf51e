package org.voc.cases.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;
import org.voc.kit.retention.RetentionSettings;

/** How long case-service keeps finished cases (docs/operations.md, "Retention"). */
@ConfigMapping(prefix = "voc.retention")
public interface RetentionConfig extends RetentionSettings {

    /**
     * Age, counted from opening (also for cases closed later: cases close within weeks, so none is kept much past
     * the limit), after which RESOLVED and CLOSED cases are deleted; cases being worked are kept. Unset (the
     * default): kept until the customer is erased, and then kept anonymised.
     */
    Optional<Duration> closedCases();
}
