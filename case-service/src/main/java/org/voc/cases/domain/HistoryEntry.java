package org.voc.cases.domain;

import java.time.Instant;
import java.util.Map;

/**
 * One change of a case: who ({@code actor}: the caller's user name, or {@code case-service} for what the service did
 * itself), when, what (an action, the status it moved between) and its details (e.g. the assignee, a channel).
 */
public record HistoryEntry(
        long id,
        Instant at,
        String actor,
        String action,
        CaseStatus fromStatus,
        CaseStatus toStatus,
        Map<String, Object> details) {}
