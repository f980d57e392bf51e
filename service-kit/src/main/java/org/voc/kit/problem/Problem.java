package org.voc.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 9457 problem details as every service answers them; {@code errors} names each field at fault. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Every problem type is {@code urn:voc:problem:<slug>}; the slug is stable, clients may branch on it. */
    public static final String TYPE_PREFIX = "urn:voc:problem:";

    public static Problem of(
            int status, String slug, String title, String detail, String instance, List<Violation> errors) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, instance, errors);
    }
}
