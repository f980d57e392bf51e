package org.voc.metrics.impact.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the effect of improvement actions is judged (docs/metrics.md, "Impact of improvement actions"). */
@ConfigMapping(prefix = "voc.impact")
public interface ImpactConfig {

    /** Significance level of the before/after test: IMPROVED or WORSE only when p is below it. */
    @WithDefault("0.05")
    double alpha();

    /**
     * How long after the after window closes the verdict waits, so responses given at its end but delivered late
     * (a client's retry, a consumer catching up) are counted before the figures are frozen.
     */
    @WithDefault("PT1H")
    Duration settle();

    /**
     * How often due studies are looked for (read by the schedule; {@code off} disables it, as in tests, which
     * evaluate at fixed instants). A verdict is taken at most this long after it is due.
     */
    @WithDefault("5m")
    String interval();
}
