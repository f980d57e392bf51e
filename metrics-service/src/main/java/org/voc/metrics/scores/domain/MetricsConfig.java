package org.voc.metrics.scores.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** How the metrics are rolled up and reported. */
@ConfigMapping(prefix = "voc.metrics")
public interface MetricsConfig {

    /** Time zone of the daily roll-up: day, week and month queries in this zone read one row per day, not 24. */
    @WithDefault("UTC")
    ZoneId reportingZone();

    /** Below this many values a figure is flagged {@code insufficientSample} (it still carries its interval). */
    @WithDefault("30")
    int minSample();

    /** Rows of an employee or process top list when the caller gives no {@code limit}. */
    @WithDefault("10")
    int defaultTopN();
}
