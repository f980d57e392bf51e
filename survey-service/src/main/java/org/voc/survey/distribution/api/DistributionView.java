package org.voc.survey.distribution.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.voc.survey.distribution.domain.DistributionRule;
import org.voc.survey.distribution.domain.DistributionSettings;
import org.voc.survey.distribution.domain.Durations;

/** A survey's distribution settings; {@code updatedAt} is absent while they were never set. */
public record DistributionView(
        UUID surveyId,
        boolean enabled,
        String minGapPerCustomer,
        List<RuleView> rules,
        Instant updatedAt,
        String updatedBy) {

    /** One rule; durations in ISO 8601. */
    public record RuleView(
            List<String> touchpointKeys,
            List<String> channels,
            List<String> segments,
            double samplingRate,
            String invitationTtl,
            String deliveryChannel,
            int priority) {

        static RuleView of(DistributionRule r) {
            return new RuleView(
                    r.touchpointKeys(),
                    r.channels(),
                    r.segments(),
                    r.samplingRate(),
                    Durations.iso(r.invitationTtl()),
                    r.deliveryChannel().name(),
                    r.priority());
        }
    }

    static DistributionView of(DistributionSettings s) {
        return new DistributionView(
                s.surveyId(),
                s.enabled(),
                Durations.iso(s.minGapPerCustomer()),
                s.rules().stream().map(RuleView::of).toList(),
                s.updatedAt(),
                s.updatedBy());
    }
}
