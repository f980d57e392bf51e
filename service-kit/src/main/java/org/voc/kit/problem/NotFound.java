package org.voc.kit.problem;

import java.util.UUID;

/** What the request names does not exist (or is not shown to this caller). */
public final class NotFound extends DomainException {

    public NotFound(String slug, String title, String detail, String field) {
        super(Kind.NOT_FOUND, slug, title, detail, at(field, detail));
    }

    /** The id of a path: one that is not a UUID cannot name anything, so it is answered like an unknown one. */
    public static UUID uuid(String what, String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw of(what, id);
        }
    }

    /** {@code Survey '42' does not exist}. */
    public static NotFound of(String what, Object key) {
        return new NotFound("not-found", what + " not found", what + " '" + key + "' does not exist", null);
    }
}
