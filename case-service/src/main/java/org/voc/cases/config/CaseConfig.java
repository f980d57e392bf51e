package org.voc.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Service-level agreements of cases: how long a team has to act on a newly opened case. */
@ConfigMapping(prefix = "voc.cases")
public interface CaseConfig {

    /** Time to act on a HIGH-priority case (NPS 0–3), counted from the moment it is opened. */
    @WithDefault("PT24H")
    Duration slaHigh();

    /** Time to act on a NORMAL-priority case (NPS 4–6), counted from the moment it is opened. */
    @WithDefault("PT72H")
    Duration slaNormal();
}
