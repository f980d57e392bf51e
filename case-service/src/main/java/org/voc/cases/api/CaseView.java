package org.voc.cases.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.cases.domain.Case;
import org.voc.cases.domain.CasePriority;
import org.voc.cases.domain.CaseStatus;
import org.voc.cases.rules.domain.MatchedRule;
import org.voc.kit.privacy.Disclosure;

/** A case as the API shows it. */
public record CaseView(
        UUID id,
        UUID responseId,
        UUID surveyId,
        String touchpointKey,

        @Schema(description = "Owner team of the touchpoint; null until the touchpoint is known")
        String team,

        @Schema(
                description = "The customer's reference; a pseudonym (pn-…, the same for the same customer) unless"
                        + " the caller may see it in clear (voc-pii, case-manager, or a case-agent of the case's team)",
                example = "cust-4711")
        String customerRef,

        @Schema(description = "The response's NPS; null when it had none (a rule on another answer opened the case)")
        Integer nps,

        @Schema(
                description = "The customer's first free-text answer, if any; e-mail addresses, phone numbers and long"
                        + " digit runs masked ([email], [phone], [number]) unless customerRef is in clear")
        String comment,

        CasePriority priority,
        CaseStatus status,
        Instant openedAt,
        Instant respondedAt,

        @Schema(description = "openedAt plus the SLA of the priority")
        Instant dueAt,

        @Schema(
                description = "The case rules the response matched (their names when the case was opened); empty for"
                        + " cases opened before rules")
        List<MatchedRule> matchedRules,

        @Schema(
                description = "First-contact SLA target set by the matched rules (the shortest), ISO-8601; null for"
                        + " cases opened before rules",
                example = "PT4H")
        String firstContactTarget,

        @Schema(
                description = "Resolution SLA target set by the matched rules (the shortest), ISO-8601",
                example = "PT72H")
        String resolutionTarget) {

    static CaseView of(Case c, Disclosure disclosure) {
        return new CaseView(
                c.id(),
                c.responseId(),
                c.surveyId(),
                c.touchpointKey(),
                c.team(),
                disclosure.customerRef(c.customerRef()),
                c.nps(),
                disclosure.text(c.comment()),
                c.priority(),
                c.status(),
                c.openedAt(),
                c.respondedAt(),
                c.dueAt(),
                c.rules() == null ? List.of() : c.rules(),
                c.firstContactTarget() == null ? null : c.firstContactTarget().toString(),
                c.resolutionTarget() == null ? null : c.resolutionTarget().toString());
    }
}
