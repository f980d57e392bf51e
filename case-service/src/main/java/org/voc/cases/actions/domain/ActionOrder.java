package org.voc.cases.actions.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * The order of the action listing and where a page starts in it: newest first by (createdAt, id), or highest
 * suggested priority first by (priority, id). {@code after} is null on the first page.
 */
public record ActionOrder(Sort sort, After after) {

    public enum Sort {
        NEWEST,
        PRIORITY
    }

    /** The last item of the previous page: its creation time (NEWEST) or its priority (PRIORITY), and its id. */
    public record After(Instant createdAt, Long priority, UUID id) {}
}
