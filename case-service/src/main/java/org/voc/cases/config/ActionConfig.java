package org.voc.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Defaults of the measurement of improvement actions (docs/cases.md, "Improvement actions"), used when an action
 * does not set its own.
 */
@ConfigMapping(prefix = "voc.cases.actions")
public interface ActionConfig {

    /** Days of each of the two windows compared, before and after the action's doneAt. */
    @WithDefault("28")
    int impactWindowDays();

    /** Smallest number of responses per window for a verdict other than "no significant change". */
    @WithDefault("30")
    int minSample();
}
