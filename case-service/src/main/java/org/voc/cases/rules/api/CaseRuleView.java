package org.voc.cases.rules.api;

import java.time.Instant;
import java.util.UUID;
import org.voc.cases.domain.CasePriority;
import org.voc.cases.rules.domain.CaseRule;
import org.voc.cases.rules.domain.RuleConditions;

/** A case rule as the API shows it; {@code revision} is also the ETag. Defaults are shown filled in. */
public record CaseRuleView(
        UUID id,
        String name,
        boolean enabled,
        CaseRuleRequest.Conditions conditions,
        CasePriority priority,
        String firstContactTarget,
        String resolutionTarget,
        String team,
        boolean recoverySurvey,
        long revision,
        Instant createdAt,
        Instant updatedAt) {

    static CaseRuleView of(CaseRule r) {
        RuleConditions c = r.conditions();
        return new CaseRuleView(
                r.id(),
                r.name(),
                r.enabled(),
                new CaseRuleRequest.Conditions(
                        c.npsAtMost() == null ? null : new CaseRuleRequest.NpsAtMost(c.npsAtMost()),
                        c.csatBelow() == null ? null : new CaseRuleRequest.CsatBelow(c.csatBelow()),
                        c.cesAtLeast() == null ? null : new CaseRuleRequest.CesAtLeast(c.cesAtLeast()),
                        c.cliAtMost() == null ? null : new CaseRuleRequest.CliAtMost(c.cliAtMost()),
                        c.ratingBelow() == null
                                ? null
                                : new CaseRuleRequest.RatingBelow(c.ratingQuestionId(), c.ratingBelow()),
                        c.textAnyOf().isEmpty() ? null : new CaseRuleRequest.TextAnyOf(c.textAnyOf()),
                        c.touchpoints(),
                        c.segments(),
                        c.channels()),
                r.priority(),
                r.firstContactTarget().toString(),
                r.resolutionTarget().toString(),
                r.team(),
                r.recoverySurvey(),
                r.revision(),
                r.createdAt(),
                r.updatedAt());
    }
}
