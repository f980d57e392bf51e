package org.voc.cases.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.voc.cases.causes.domain.CauseRef;
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

        @Schema(
                description =
                        "The first-contact due time (firstContactDueAt), kept for clients of the previous release")
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
        String resolutionTarget,

        @Schema(description = "The case's ETag (also in the ETag header): send it as If-Match with every change")
        long version,

        @Schema(description = "Keycloak user name of the member who holds the case; null while nobody does")
        String assignee,

        Instant assignedAt,

        @Schema(
                description = "Business-hours due time of the first contact (the team's calendar); kept once met,"
                        + " null while the case waits on the customer before it")
        Instant firstContactDueAt,

        @Schema(
                description = "Business-hours due time of the resolution; null while the case waits on the customer"
                        + " (it moves by the business time the wait lasted), kept once met")
        Instant resolutionDueAt,

        Instant firstContactAt,

        @Schema(description = "Channel of the latest contact", example = "PHONE")
        String contactChannel,

        @Schema(description = "Outcome of the latest contact", example = "REACHED")
        String contactOutcome,

        @Schema(description = "Business seconds from opening to first contact (the team's calendar)")
        Long firstContactBusinessSeconds,

        Instant resolvedAt,

        @Schema(example = "REISSUED_CARD") String resolutionCode,

        @Schema(description = "Masked as the comment is, unless the customer is in clear for the caller")
        String resolutionNote,

        @Schema(description = "The goodwill gesture of the resolution, if any")
        GestureView gesture,

        @Schema(description = "Business seconds from opening (or the last reopening) to resolution, waits excluded")
        Long resolutionBusinessSeconds,

        Instant closedAt,

        @Schema(description = "How often the case was reopened")
        int reopenedCount,

        @Schema(
                description = "Why the customer was unhappy: the root causes the agent gave (docs/improvement.md), in"
                        + " their order; empty until resolved with causes, and again after a reopening")
        List<CauseView> rootCauses,

        @Schema(
                description = "The recovery re-survey, when closing the case asked for one (a rule's recoverySurvey);"
                        + " null otherwise")
        RecoveryView recovery) {

    /** A root cause of the case: its id, code and current name. */
    @Schema(name = "CaseRootCause")
    public record CauseView(
            UUID id,
            @Schema(example = "COURIER_LATE") String code,
            @Schema(example = "Courier late") String name) {}

    /** The recovery re-survey of a closed case and the customer's first answer to it. */
    @Schema(name = "CaseRecoveryView")
    public record RecoveryView(
            @Schema(description = "When closing the case asked survey-service to re-invite the customer")
            Instant requestedAt,

            @Schema(description = "When the customer answered; null until they do")
            Instant answeredAt,

            @Schema(description = "The recovery answer's NPS, if it asked one", example = "8")
            Integer nps,

            @Schema(description = "The recovery answer's CSAT, if it asked one", example = "4")
            Integer csat,

            @Schema(description = "NPS 7 or more, or CSAT 4 or more; null until the customer answers")
            Boolean recovered) {}

    /** A goodwill gesture: its kind, and optionally an amount in an ISO 4217 currency. */
    @Schema(name = "CaseGestureView")
    public record GestureView(
            @Schema(example = "FEE_REFUND") String type,
            @Schema(example = "15.00") BigDecimal amount,
            @Schema(example = "EUR") String currency) {}

    public static CaseView of(Case c, Disclosure disclosure, List<CauseRef> causes) {
        Case.Work w = c.work();
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
                c.resolutionTarget() == null ? null : c.resolutionTarget().toString(),
                w.version(),
                w.assignee(),
                w.assignedAt(),
                w.firstContactDueAt(),
                w.resolutionDueAt(),
                w.firstContactAt(),
                w.contactChannel(),
                w.contactOutcome(),
                w.firstContactBusinessSeconds(),
                w.resolvedAt(),
                w.resolutionCode(),
                disclosure.text(w.resolutionNote()),
                w.gesture() == null
                        ? null
                        : new GestureView(
                                w.gesture().type(),
                                w.gesture().amount(),
                                w.gesture().currency()),
                w.resolutionBusinessSeconds(),
                w.closedAt(),
                w.reopenedCount(),
                causes.stream()
                        .map(r -> new CauseView(r.id(), r.code(), r.name()))
                        .toList(),
                w.recovery() == null
                        ? null
                        : new RecoveryView(
                                w.recovery().requestedAt(),
                                w.recovery().answeredAt(),
                                w.recovery().nps(),
                                w.recovery().csat(),
                                w.recovery().recovered()));
    }
}
