package org.voc.cases.sla;

import java.time.Instant;
import java.util.Objects;

/**
 * A span during which a case's SLA clock stands still (the case waits on the customer). {@code resumedAt} is null
 * while the case still waits.
 */
public record Pause(Instant pausedAt, Instant resumedAt) {

    public Pause {
        Objects.requireNonNull(pausedAt, "pausedAt");
        if (resumedAt != null && resumedAt.isBefore(pausedAt)) {
            throw new IllegalArgumentException("a pause cannot end before it starts: " + pausedAt + " " + resumedAt);
        }
    }
}
