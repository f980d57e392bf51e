package org.voc.kit.problem;

/** If-Match names a revision older than the current one: someone changed it since the client read it. */
public final class PreconditionFailed extends DomainException {

    public PreconditionFailed(String detail) {
        super(Kind.PRECONDITION_FAILED, "stale-revision", "Precondition failed", detail, at("If-Match", detail));
    }
}
