package org.voc.console.web;

import java.util.List;

/** An RFC 9457 problem as the services answer it; {@code errors} names each field at fault. */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    /** One field at fault, named as the API names it ({@code gesture.amount}, {@code rootCauses[0]}). */
    public record FieldError(String field, String message) {}

    public List<FieldError> errors() {
        return errors == null ? List.of() : errors;
    }
}
