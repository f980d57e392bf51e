package org.voc.kit.problem;

import java.time.Duration;
import java.util.List;

/** The request was not carried out for now (a full queue, a commit too slow) and is safe to send again unchanged. */
public final class Unavailable extends DomainException {

    private final Duration retryAfter;

    public Unavailable(String detail, Duration retryAfter) {
        super(Kind.UNAVAILABLE, "unavailable", "Service unavailable", detail, List.of());
        this.retryAfter = retryAfter;
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }
}
