package org.voc.survey.distribution.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.voc.survey.distribution.domain.Candidate;
import org.voc.survey.distribution.domain.StoredDecision;
import org.voc.survey.invitation.api.InvitationView;

/**
 * What distribution decided for one interaction and why. {@code reason} is absent when INVITED;
 * {@code invitation} is present only then.
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

    static DecisionView of(StoredDecision d, boolean withLink) {
        return new DecisionView(
                d.id(),
                d.interactionId(),
                d.customerRef(),
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
                d.explanation(),
                d.candidates().stream().map(CandidateView::of).toList(),
                d.invitation() == null ? null : InvitationView.of(d.invitation(), withLink));
    }
}
