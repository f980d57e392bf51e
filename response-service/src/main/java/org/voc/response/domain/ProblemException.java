package org.voc.response.domain;

import java.time.Duration;
import java.util.List;

/**
 * A client error (or a temporary refusal) the domain detects, answered as RFC 9457 problem details. {@code kind}
 * becomes the stable problem type URI; {@code violations} name the request fields at fault, when there are any.
 */
public class ProblemException extends RuntimeException {

    /** One request field at fault, as a JSON path into the request ({@code answers[0].score}). */
    public record Violation(String field, String message) {
    }

    private final int status;
    private final String kind;
    private final String title;
    private final List<Violation> violations;
    private final Duration retryAfter;

    public ProblemException(int status, String kind, String title, String detail, String field) {
        this(status, kind, title, detail, field == null ? List.of() : List.of(new Violation(field, detail)), null);
    }

    private ProblemException(int status, String kind, String title, String detail, List<Violation> violations,
            Duration retryAfter) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.violations = List.copyOf(violations);
        this.retryAfter = retryAfter;
    }

    public static ProblemException notFound(String what, String key) {
        return new ProblemException(404, "not-found", what + " not found", what + " '" + key + "' does not exist", null);
    }

    public static ProblemException invalid(String field, String detail) {
        return new ProblemException(400, "validation", "Invalid request", detail, field);
    }

    /** Several fields at fault at once, so a client can fix them in one round trip. */
    public static ProblemException invalid(List<Violation> violations) {
        String detail = violations.stream().map(v -> v.field() + " " + v.message())
                .reduce((a, b) -> a + "; " + b).orElse("the request is invalid");
        return new ProblemException(400, "validation", "Invalid request", detail, violations, null);
    }

    /**
     * The token is not an invitation this service can verify: malformed, forged, signed with an unknown key, for
     * another issuer or audience, or with another algorithm. Deliberately one answer for all of them, without
     * saying which check failed, so that it does not help anyone forge a token.
     */
    public static ProblemException invitationNotFound(String field) {
        return new ProblemException(404, "invitation-not-found", "Invitation not found",
                "this link is not a valid survey invitation", field);
    }

    /** A genuine invitation whose time to answer is over. */
    public static ProblemException invitationExpired(String field) {
        return new ProblemException(410, "invitation-expired", "Invitation expired",
                "this survey invitation has expired and takes no more answers", field);
    }

    /** The survey of a genuine invitation was archived: it takes no more answers, like an expired invitation. */
    public static ProblemException surveyClosed() {
        return new ProblemException(410, "survey-closed", "Survey closed",
                "the survey of this invitation is closed and takes no more answers", null);
    }

    /** Another response was already stored for this invitation (one invitation, one response). */
    public static ProblemException alreadyAnswered() {
        return new ProblemException(409, "already-answered", "Already answered",
                "this invitation has already been answered", null);
    }

    /** 503 with Retry-After: the request was not stored and may be sent again unchanged. */
    public static ProblemException unavailable(String detail, Duration retryAfter) {
        return new ProblemException(503, "unavailable", "Service unavailable", detail, List.of(), retryAfter);
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** How long a client should wait before retrying, or null when retrying will not help. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
