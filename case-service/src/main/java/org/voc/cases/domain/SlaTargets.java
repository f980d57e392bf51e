package org.voc.cases.domain;

import java.time.Duration;
import org.voc.cases.config.CaseConfig;

/** A case's two SLA targets: the matched rules' when they set them, the configured fallbacks of its priority else. */
record SlaTargets(Duration firstContact, Duration resolution) {

    static SlaTargets of(CasePriority priority, Duration firstContact, Duration resolution, CaseConfig config) {
        boolean high = priority == CasePriority.HIGH;
        return new SlaTargets(
                firstContact != null ? firstContact : high ? config.slaHigh() : config.slaNormal(),
                resolution != null ? resolution : high ? config.resolutionSlaHigh() : config.resolutionSlaNormal());
    }

    static SlaTargets of(Case c, CaseConfig config) {
        return of(c.priority(), c.firstContactTarget(), c.resolutionTarget(), config);
    }
}
