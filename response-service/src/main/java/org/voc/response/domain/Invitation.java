package org.voc.response.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.Violation;

/**
 * A verified invitation: survey-service invited this pseudonymous customer to answer this survey version about
 * this touchpoint and channel, in this locale, until {@code expiresAt}; {@code dimensions} are those of the
 * interaction behind it ({@link Dimensions#NONE} for a token issued before they were signed into it). Only
 * {@link InvitationVerifier} makes one.
 */
public record Invitation(
        UUID id,
        UUID surveyId,
        int surveyVersion,
        String touchpointKey,
        String channel,
        String customerRef,
        String locale,
        Instant expiresAt,
        Dimensions dimensions) {

    /** The respondent's answers to this invitation: everything but the answers and the client id comes from it. */
    public Submission submission(UUID responseId, List<Submission.AnswerInput> answers) {
        return new Submission(
                responseId,
                surveyId,
                surveyVersion,
                touchpointKey,
                channel,
                customerRef,
                null,
                answers,
                id,
                dimensions);
    }

    /**
     * A client's submission that came with this invitation's token: the invitation fills what the body leaves
     * out, and a body value that says otherwise is {@code Invalid}, naming the field (the token is the authority).
     * The interaction's dimensions are the token's whatever the body says: a relaying client cannot move a response
     * into another segment, nor credit another employee with it.
     */
    public Submission bind(Submission s) {
        List<Violation> violations = new ArrayList<>();
        check(violations, "surveyId", s.surveyId(), surveyId);
        check(violations, "surveyVersion", s.surveyVersion(), surveyVersion);
        check(violations, "touchpointKey", s.touchpointKey(), touchpointKey);
        check(violations, "channel", s.channel(), channel);
        check(violations, "customerRef", s.customerRef(), customerRef);
        if (!violations.isEmpty()) {
            throw Invalid.of(violations);
        }
        return new Submission(
                s.id(),
                surveyId,
                surveyVersion,
                touchpointKey,
                channel,
                customerRef,
                s.respondedAt(),
                s.answers(),
                id,
                dimensions);
    }

    private static void check(List<Violation> violations, String field, Object given, Object invited) {
        if (given != null && !Objects.equals(given, invited)) {
            violations.add(new Violation(
                    field, "contradicts the invitation token; leave it out or send the " + "invitation's value"));
        }
    }
}
