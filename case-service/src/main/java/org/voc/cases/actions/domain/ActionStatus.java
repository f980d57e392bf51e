package org.voc.cases.actions.domain;

/**
 * Where an improvement action stands; {@link ActionWorkflow} says which step moves it where. VERIFIED and REJECTED are
 * final; DONE is when the fix went live and its effect is being measured.
 */
public enum ActionStatus {
    PROPOSED,
    APPROVED,
    IN_PROGRESS,
    DONE,
    VERIFIED,
    REJECTED
}
