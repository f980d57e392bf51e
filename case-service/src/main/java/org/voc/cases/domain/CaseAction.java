package org.voc.cases.domain;

/** What can be done to a case; each names its row of the transition table ({@link CaseWorkflow}) and history. */
public enum CaseAction {
    /** Given to a named member of the case's team, by hand (also a reassignment). */
    ASSIGN,
    /** Taken by the caller. */
    CLAIM,
    /** Given to the next member of the team in turn. */
    ROUND_ROBIN,
    /** The customer was contacted (channel, outcome). */
    CONTACT,
    /** Waiting on the customer: the SLA clock stops. */
    WAIT,
    /** The customer answered: the SLA clock runs again. */
    RESUME,
    RESOLVE,
    CLOSE,
    /** A resolved or closed case goes back to its assignee. */
    REOPEN,
    /** A resolved or closed case is given other root causes; its status stays. */
    ROOT_CAUSES
}
