package org.voc.cases.domain;

/**
 * Where a case stands in its work; {@link CaseWorkflow} says which action moves it where. RESOLVED and CLOSED are
 * finished (retention deletes only those); WAITING_ON_CUSTOMER stops its SLA clock.
 */
public enum CaseStatus {
    OPEN,
    ASSIGNED,
    IN_CONTACT,
    WAITING_ON_CUSTOMER,
    RESOLVED,
    CLOSED
}
