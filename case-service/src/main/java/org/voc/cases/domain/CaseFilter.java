package org.voc.cases.domain;

/**
 * Optional listing filters; a null component does not filter. {@code unassigned} true means "no team yet";
 * {@code assignee} keeps one agent's cases (the "mine" queue) and {@code awaitingAssignee} the OPEN cases nobody
 * holds (the "unassigned" queue).
 */
public record CaseFilter(
        String team,
        CaseStatus status,
        String touchpointKey,
        Boolean unassigned,
        String assignee,
        boolean awaitingAssignee) {

    public CaseFilter(String team, CaseStatus status, String touchpointKey, Boolean unassigned) {
        this(team, status, touchpointKey, unassigned, null, false);
    }

    public CaseFilter withAssignee(String assignee) {
        return new CaseFilter(team, status, touchpointKey, unassigned, assignee, awaitingAssignee);
    }

    public CaseFilter onlyAwaitingAssignee() {
        return new CaseFilter(team, status, touchpointKey, unassigned, assignee, true);
    }
}
