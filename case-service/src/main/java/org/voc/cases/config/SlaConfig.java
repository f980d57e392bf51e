package org.voc.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The SLA scheduler (docs/operations.md, "SLA scheduler"): how often it marks breaches and escalates. */
@ConfigMapping(prefix = "voc.cases.sla")
public interface SlaConfig {

    /**
     * How often every replica sweeps for breaches and due escalation steps, e.g. {@code 1m} or {@code 30s};
     * {@code off} stops the schedule (the tests call the sweep themselves). A breach is marked at most this long
     * after its due time. Read by name by {@code @Scheduled} as well, so application.properties repeats it.
     */
    @WithDefault("1m")
    String interval();

    /** Most cases marked, or breaches escalated, in one sweep transaction; a sweep runs batches until none is due. */
    @WithDefault("500")
    int batch();
}
