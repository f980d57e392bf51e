package org.voc.kit.problem;

/** The request contradicts the current state: a key already taken, an id reused with another body, a replay. */
public final class Conflict extends DomainException {

    public Conflict(String slug, String title, String detail, String field) {
        super(Kind.CONFLICT, slug, title, detail, at(field, detail));
    }

    /** Type {@code conflict}, for a key or id that is already taken. */
    public static Conflict of(String title, String detail, String field) {
        return new Conflict("conflict", title, detail, field);
    }
}
