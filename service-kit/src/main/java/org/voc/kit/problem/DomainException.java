package org.voc.kit.problem;

import java.time.Duration;
import java.util.List;

/**
 * A failure the domain detects and the client can act on. The domain names what went wrong by the subclass it
 * throws ({@link Invalid}, {@link NotFound}, {@link Conflict} ...); {@link ProblemMapper} alone chooses the HTTP
 * status.
 * {@code slug} becomes the stable problem type {@code urn:voc:problem:<slug>}.
 * <p>
 * No stack trace is captured: these are expected outcomes, some on hot paths (an overloaded writer answers many of
 * them a second), and the problem itself says what happened.
 */
public abstract class DomainException extends RuntimeException {

    /** What kind of failure this is; the mapper turns it into a status code. */
    enum Kind {
        INVALID,
        NOT_FOUND,
        CONFLICT,
        GONE,
        PRECONDITION_FAILED,
        PAYLOAD_TOO_LARGE,
        PRECONDITION_REQUIRED,
        TOO_MANY_REQUESTS,
        UNAVAILABLE
    }

    private final Kind kind;
    private final String slug;
    private final String title;
    private final List<Violation> violations;

    DomainException(Kind kind, String slug, String title, String detail, List<Violation> violations) {
        super(detail, null, false, false);
        this.kind = kind;
        this.slug = slug;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    /** The violations of a single field at fault, with the detail as its message; none when the field is null. */
    static List<Violation> at(String field, String detail) {
        return field == null ? List.of() : List.of(new Violation(field, detail));
    }

    Kind kind() {
        return kind;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<Violation> violations() {
        return violations;
    }

    /** How long a client should wait before sending the request again, or null when retrying will not help. */
    public Duration retryAfter() {
        return null;
    }
}
