package org.voc.response.domain;

import org.voc.kit.problem.Conflict;
import org.voc.kit.problem.Gone;
import org.voc.kit.problem.NotFound;

/** Why an invitation link takes no answer; the respondent API and the hosted page refuse alike. */
public final class InvitationRefusal {

    public static final String NOT_FOUND = "invitation-not-found";
    public static final String EXPIRED = "invitation-expired";
    public static final String REVOKED = "invitation-revoked";
    public static final String SURVEY_CLOSED = "survey-closed";
    public static final String ALREADY_ANSWERED = "already-answered";

    private InvitationRefusal() {}

    /**
     * The token is not an invitation this service can verify: malformed, forged, signed with an unknown key, for
     * another issuer or audience, or with another algorithm. Deliberately one answer for all of them, without
     * saying which check failed, so that it does not help anyone forge a token.
     */
    static NotFound notFound(String field) {
        return new NotFound(NOT_FOUND, "Invitation not found", "this link is not a valid survey invitation", field);
    }

    /** A genuine invitation whose time to answer is over. */
    static Gone expired(String field) {
        return new Gone(
                EXPIRED, "Invitation expired", "this survey invitation has expired and takes no more answers", field);
    }

    /** A genuine invitation that survey-service revoked (sent to the wrong person, leaked): it takes no answer. */
    static Gone revoked(String field) {
        return new Gone(
                REVOKED, "Invitation withdrawn", "this survey invitation was withdrawn and takes no answers", field);
    }

    /** The survey of a genuine invitation was archived: it takes no more answers, like an expired invitation. */
    static Gone surveyClosed() {
        return new Gone(
                SURVEY_CLOSED,
                "Survey closed",
                "the survey of this invitation is closed and takes no more answers",
                null);
    }

    /** Another response was already stored for this invitation (one invitation, one response). */
    static Conflict alreadyAnswered() {
        return new Conflict(ALREADY_ANSWERED, "Already answered", "this invitation has already been answered", null);
    }
}
