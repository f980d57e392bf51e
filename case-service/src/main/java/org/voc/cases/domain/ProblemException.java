package org.voc.cases.domain;

/**
 * A client error the domain detects, answered as RFC 9457 problem details. {@code kind} becomes the stable
 * problem type URI; {@code field} names the request field at fault, when there is one.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String kind;
    private final String title;
    private final String field;

    public ProblemException(int status, String kind, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.field = field;
    }

    public static ProblemException notFound(String what, String key) {
        return new ProblemException(404, "not-found", what + " not found", what + " '" + key + "' does not exist", null);
    }

    public static ProblemException invalid(String field, String detail) {
        return new ProblemException(400, "validation", "Invalid request", detail, field);
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
}
