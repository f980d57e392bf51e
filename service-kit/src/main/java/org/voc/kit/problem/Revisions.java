package org.voc.kit.problem;

import jakarta.ws.rs.core.EntityTag;

/** Optimistic concurrency over HTTP: a revision number is the ETag, a change names the one it read in If-Match. */
public final class Revisions {

    private Revisions() {}

    public static EntityTag etag(long revision) {
        return new EntityTag(Long.toString(revision));
    }

    /** The revision an If-Match header names: 428 when it is missing, 400 when it is not one of our ETags. */
    public static long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequired();
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        try {
            return Long.parseLong(value.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw Invalid.field("If-Match", "must be an ETag returned by this API, such as \"3\"");
        }
    }

    /** The 412 for a change that read {@code expected} while {@code what '<key>'} is at {@code current}. */
    public static PreconditionFailed stale(String what, Object key, long current, long expected) {
        return new PreconditionFailed(what + " '" + key + "' is at revision " + current + ", not " + expected
                + ": read it again and reapply the change");
    }
}
