package org.voc.cases.domain;

import java.util.Set;

/**
 * Optional listing filters; a null component does not filter. {@code statuses} keeps the cases in any of them. {@code unassigned} true means "no team yet";
 * {@code assignee} keeps one agent's cases (the "mine" queue) and {@code awaitingAssignee} the OPEN cases nobody
 * holds (the "unassigned" queue).
 */
public record CaseFilter(
        String team,
        Set<CaseStatus> statuses,
        String touchpointKey,
        Boolean unassigned,
        String assignee,
        boolean awaitingAssignee) {

    public CaseFilter {
        statuses = statuses == null || statuses.isEmpty() ? null : Set.copyOf(statuses);
    }

    public CaseFilter(String team, Set<CaseStatus> statuses, String touchpointKey, Boolean unassigned) {
        this(team, statuses, touchpointKey, unassigned, null, false);
    }

    public CaseFilter withAssignee(String assignee) {
        return new CaseFilter(team, statuses, touchpointKey, unassigned, assignee, awaitingAssignee);
    }

    public CaseFilter onlyAwaitingAssignee() {
        return new CaseFilter(team, statuses, touchpointKey, unassigned, assignee, true);
    }
}
