package org.voc.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Service-level agreements of cases: how long a team has to act on a newly opened case. */
@ConfigMapping(prefix = "voc.cases")
public interface CaseConfig {

    /** Time to act on a HIGH-priority case, counted from the moment it is opened (dueAt). */
    @WithDefault("PT24H")
    Duration slaHigh();

    /** Time to act on a NORMAL-priority case, counted from the moment it is opened (dueAt). */
    @WithDefault("PT72H")
    Duration slaNormal();
}
