package org.voc.survey.distribution.domain;

import java.util.List;

/**
 * The pure result of {@link Decider}: INVITED with the chosen survey and rule, or SUPPRESSED with a reason;
 * always with an explanation for analysts and every candidate considered.
 */
public record Decision(
        DecisionOutcome outcome,
        SuppressionReason reason,
        String explanation,
        List<Candidate> candidates,
        ActiveSurvey survey,
        DistributionRule rule,
        String locale) {

    public boolean invited() {
        return outcome == DecisionOutcome.INVITED;
    }
}
