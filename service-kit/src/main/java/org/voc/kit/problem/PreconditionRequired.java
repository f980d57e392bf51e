package org.voc.kit.problem;

/** A conditional change came without If-Match: the API refuses to overwrite blindly. */
public final class PreconditionRequired extends DomainException {

    private static final String DETAIL = "send If-Match with the ETag of the revision you read";

    public PreconditionRequired() {
        super(
                Kind.PRECONDITION_REQUIRED,
                "precondition-required",
                "Precondition required",
                DETAIL,
                at("If-Match", DETAIL));
    }
}
