package org.voc.survey.distribution.domain;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * A survey that may invite now: PUBLISHED, with a latest published version and enabled distribution. Locales and
 * touchpoint keys are those of the version the invitation will name.
 */
public record ActiveSurvey(
        UUID surveyId,
        String name,
        int version,
        String defaultLocale,
        List<String> locales,
        List<String> touchpointKeys,
        Duration minGapPerCustomer,
        List<DistributionRule> rules) {

    /** The requested locale when the version has it, else the version's default. */
    public String locale(String requested) {
        return requested != null && locales.contains(requested) ? requested : defaultLocale;
    }
}
