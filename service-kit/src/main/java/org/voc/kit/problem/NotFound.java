package org.voc.kit.problem;

/** What the request names does not exist (or is not shown to this caller). */
public final class NotFound extends DomainException {

    public NotFound(String slug, String title, String detail, String field) {
        super(Kind.NOT_FOUND, slug, title, detail, at(field, detail));
    }

    /** {@code Survey '42' does not exist}. */
    public static NotFound of(String what, Object key) {
        return new NotFound("not-found", what + " not found", what + " '" + key + "' does not exist", null);
    }
}
