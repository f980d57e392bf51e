package org.voc.survey.domain;

import java.time.Duration;
import java.util.List;

/**
 * A client error the domain detects, answered as RFC 9457 problem details. {@code kind} becomes the stable
 * problem type URI; {@code field} names the request field at fault, when there is one, and {@code violations}
 * lists every field at fault when there are several.
 */
public class ProblemException extends RuntimeException {

    /** One field at fault, as a JSON path into the request. */
    public record Violation(String field, String message) {
    }

    private final int status;
    private final String kind;
    private final String title;
    private final String field;
    private final List<Violation> violations;
    private final Duration retryAfter;

    public ProblemException(int status, String kind, String title, String detail, String field) {
        this(status, kind, title, detail, field, List.of(), null);
    }

    private ProblemException(int status, String kind, String title, String detail, String field,
            List<Violation> violations, Duration retryAfter) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.field = field;
        this.violations = List.copyOf(violations);
        this.retryAfter = retryAfter;
    }

    public static ProblemException notFound(String what, String key) {
        return new ProblemException(404, "not-found", what + " not found", what + " '" + key + "' does not exist", null);
    }

    public static ProblemException invalid(String field, String detail) {
        return new ProblemException(400, "validation", "Invalid request", detail, field);
    }

    /** Several fields at fault at once; the detail joins them. */
    public static ProblemException invalid(List<Violation> violations) {
        String detail = String.join("; ", violations.stream().map(v -> v.field() + " " + v.message()).toList());
        return new ProblemException(400, "validation", "Invalid request", detail, null, violations, null);
    }

    /** 503 with a Retry-After: the request was not carried out and is safe to send again. */
    public static ProblemException unavailable(String detail, Duration retryAfter) {
        return new ProblemException(503, "unavailable", "Service unavailable", detail, null, List.of(), retryAfter);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, null);
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

    public String field() {
        return field;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** How long a client should wait before retrying; null when retrying would not help. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
