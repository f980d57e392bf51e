package org.voc.cases.recovery.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Recovery re-surveys (docs/improvement.md, "Recovery re-survey"): closing a case whose rule asks for one sends
 * survey-service an interaction of this touchpoint, whose distribution rules pick the recovery survey.
 */
@ConfigMapping(prefix = "voc.cases.recovery")
public interface RecoveryConfig {

    /** The registry touchpoint of case closures; its distribution rules name the recovery survey. */
    @WithDefault("case-closure")
    String touchpointKey();

    /** The channel of the interaction: the customer was last in touch with the desk, a contact centre. */
    @WithDefault("CONTACT_CENTER")
    String channel();
}
