package org.voc.cases.domain;

/** Lifecycle of a case; this slice only opens cases, case work moves them along. */
public enum CaseStatus {
    OPEN,
    IN_PROGRESS,
    RESOLVED,
    CLOSED
}
