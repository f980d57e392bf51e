package org.voc.survey.distribution.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.voc.kit.privacy.Disclosure;
import org.voc.survey.distribution.domain.Candidate;
import org.voc.survey.distribution.domain.StoredDecision;
import org.voc.survey.invitation.api.InvitationView;

/**
 * What distribution decided for one interaction and why. {@code reason} is absent when INVITED;
 * {@code invitation} is present only then. {@code customerRef} is a pseudonym on reads by callers without voc-pii
 * (docs/security.md).
 */
public record DecisionView(
        UUID decisionId,
        String interactionId,
        String customerRef,
        String touchpointKey,
        InteractionRequest.TouchpointRef touchpointRef,
        String channel,
        String segment,
        Instant occurredAt,
        Instant decidedAt,
        String outcome,
        String reason,
        String explanation,
        List<CandidateView> candidates,
        InvitationView invitation) {

    /** A survey considered for the interaction and how far it got. */
    public record CandidateView(
            UUID surveyId,
            int surveyVersion,
            String surveyName,
            int priority,
            double samplingRate,
            Double draw,
            String result,
            String detail) {

        static CandidateView of(Candidate c) {
            return new CandidateView(
                    c.surveyId(),
                    c.surveyVersion(),
                    c.surveyName(),
                    c.priority(),
                    c.samplingRate(),
                    c.draw(),
                    c.result(),
                    c.detail());
        }
    }

    static DecisionView of(StoredDecision d, boolean withLink, Disclosure disclosure) {
        return new DecisionView(
                d.id(),
                d.interactionId(),
                disclosure.customerRef(d.customerRef()),
                d.touchpointKey(),
                d.touchpointSystem() == null
                        ? null
                        : new InteractionRequest.TouchpointRef(d.touchpointSystem(), d.touchpointRef()),
                d.channel(),
                d.segment(),
                d.occurredAt(),
                d.decidedAt(),
                d.outcome().name(),
                d.reason() == null ? null : d.reason().name(),
                explanation(d, disclosure),
                d.candidates().stream().map(CandidateView::of).toList(),
                d.invitation() == null ? null : InvitationView.of(d.invitation(), withLink, disclosure));
    }

    /** The explanation may name the customer ("Customer cust-42 opted out …"): it names the pseudonym then. */
    private static String explanation(StoredDecision d, Disclosure disclosure) {
        if (disclosure.isClear()
                || d.explanation() == null
                || d.customerRef() == null
                || d.customerRef().isEmpty()) {
            return d.explanation();
        }
        return d.explanation().replace(d.customerRef(), disclosure.customerRef(d.customerRef()));
    }
}
