package org.voc.cases.actions.domain;

import java.time.Instant;
import java.util.Map;

/**
 * One change of an action: who ({@code case-service} for what the service did itself, such as storing a verdict),
 * when, what (a step, the statuses it moved between) and its details (the override's reason, the linked cases …).
 */
public record ActionHistoryEntry(
        long id,
        Instant at,
        String actor,
        String action,
        ActionStatus fromStatus,
        ActionStatus toStatus,
        Map<String, Object> details) {}
