package org.voc.cases.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Service-level agreements of cases that no rule set targets for (cases opened before rules): how long a team has
 * to contact the customer and to resolve the case, in the team's business hours (docs/cases.md).
 */
@ConfigMapping(prefix = "voc.cases")
public interface CaseConfig {

    /** First-contact target of a HIGH-priority case without a rule's target (firstContactDueAt, dueAt). */
    @WithDefault("PT24H")
    Duration slaHigh();

    /** First-contact target of a NORMAL-priority case without a rule's target (firstContactDueAt, dueAt). */
    @WithDefault("PT72H")
    Duration slaNormal();

    /** Resolution target of a HIGH-priority case without a rule's target: the default strong-detractor rule's. */
    @WithDefault("PT120H")
    Duration resolutionSlaHigh();

    /** Resolution target of a NORMAL-priority case without a rule's target: the default detractor rule's. */
    @WithDefault("PT240H")
    Duration resolutionSlaNormal();

    /**
     * Whether a case must have a root cause before it is closed (a 409 root-cause-required otherwise): off by
     * default, so desks adopt the taxonomy before it is enforced (docs/improvement.md).
     */
    @WithDefault("false")
    boolean rootCauseRequired();
}
