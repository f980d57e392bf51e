package org.voc.cases.actions.domain;

import java.time.Instant;

/**
 * metrics-service's latest verdict on an action's effect for its current {@code doneAt} (voc.action.impact.v1): the
 * n and value of the metric before and after, after − before, the p-value and whether the target was met.
 */
public record ImpactVerdict(
        String verdict,
        Instant doneAt,
        long beforeN,
        Double beforeValue,
        long afterN,
        Double afterValue,
        Double difference,
        Double pValue,
        Boolean targetMet,
        boolean insufficientSample,
        Instant assessedAt) {

    public static final String IMPROVED = "IMPROVED";

    public boolean improved() {
        return IMPROVED.equals(verdict);
    }
}
