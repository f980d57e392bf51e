package org.voc.cases.actions.domain;

/** What can be done to an improvement action; each names its row of {@link ActionWorkflow} and its history entries. */
public enum ActionStep {
    /** Its content (title, teams, touchpoints, expected effect …) is replaced; the status stays. */
    UPDATE,
    APPROVE,
    /** Work on the fix begins. */
    START,
    /** The fix went live ({@code doneAt}): its effect is measured by metrics-service. */
    DONE,
    /** The measured effect is IMPROVED, or someone overrode the verdict with a reason. */
    VERIFY,
    REJECT,
    /** A done action goes back to work; its measurement is dropped. */
    REOPEN
}
