package org.voc.cases.domain;

/** The work queues of {@code GET /api/cases?queue=}: the caller's cases, their teams' cases, the unassigned ones. */
public enum CaseQueue {
    MINE,
    TEAM,
    UNASSIGNED
}
