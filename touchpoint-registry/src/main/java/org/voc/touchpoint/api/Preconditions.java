package org.voc.touchpoint.api;

import jakarta.ws.rs.core.EntityTag;

import org.voc.touchpoint.domain.ProblemException;

/** The HTTP preconditions every resource of the registry shares: revisions as ETags, If-Match, immutable keys. */
final class Preconditions {

    private Preconditions() {
    }

    static EntityTag etag(long revision) {
        return new EntityTag(Long.toString(revision));
    }

    /** The revision an If-Match header names; 428 when it is missing, 400 when it is not one of our ETags. */
    static long revision(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "Precondition required",
                    "send If-Match with the ETag of the revision you read", "If-Match");
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        try {
            return Long.parseLong(value.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "must be an ETag returned by this API, such as \"3\"");
        }
    }

    /** A body may repeat the key of the path it is sent to, but never change it. */
    static void sameKey(String pathKey, String bodyKey) {
        if (bodyKey != null && !bodyKey.equals(pathKey)) {
            throw ProblemException.invalid("key", "keys are immutable: omit it or send '" + pathKey + "'");
        }
    }
}
