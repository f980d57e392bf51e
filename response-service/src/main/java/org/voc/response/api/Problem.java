package org.voc.response.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RFC 9457 problem details; {@code errors} names each field at fault. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:voc:problem:";

    /** One offending field as a JSON path into the request ({@code answers[0].score}), or a query parameter. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String kind, String title, String detail, String instance,
            List<FieldError> errors) {
        return new Problem(TYPE_PREFIX + kind, title, status, detail, instance, errors);
    }
}
