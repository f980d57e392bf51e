package org.voc.kit.problem;

import java.util.List;

/** The request breaks a rule of the API: every field at fault is named, so a client fixes them in one round trip. */
public final class Invalid extends DomainException {

    public static final String SLUG = "validation";

    private Invalid(String detail, List<Violation> violations) {
        super(Kind.INVALID, SLUG, "Invalid request", detail, violations);
    }

    /** One field at fault; {@code message} is the problem's detail too. */
    public static Invalid field(String field, String message) {
        return new Invalid(message, at(field, message));
    }

    /** Several fields at fault; the detail joins them. */
    public static Invalid of(List<Violation> violations) {
        String detail = violations.isEmpty()
                ? "the request is invalid"
                : String.join(
                        "; ",
                        violations.stream()
                                .map(v -> v.field() + " " + v.message())
                                .toList());
        return new Invalid(detail, violations);
    }

    /** Fields at fault (maybe none) with a detail of its own. */
    public static Invalid of(String detail, List<Violation> violations) {
        return new Invalid(detail, violations);
    }
}
