package org.voc.kit.problem;

import java.time.Duration;
import java.util.List;

/** The caller sent more requests than its limit allows; it may try again after {@link #retryAfter()}. */
public final class TooManyRequests extends DomainException {

    private final Duration retryAfter;

    public TooManyRequests(String detail, Duration retryAfter) {
        super(Kind.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", detail, List.of());
        this.retryAfter = retryAfter;
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }
}
