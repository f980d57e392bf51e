package org.voc.cases.domain;

import java.util.Set;

/**
 * The cases a caller may see: every case, or only those of some teams (a case agent's own teams, from the teams'
 * members). A case without a team yet belongs to no agent.
 */
public record CaseScope(Set<String> teams) {

    /** Every case: managers, admins, analysts. */
    public static final CaseScope ALL = new CaseScope(null);

    public CaseScope {
        teams = teams == null ? null : Set.copyOf(teams);
    }

    public static CaseScope teams(Set<String> teams) {
        return new CaseScope(teams);
    }

    public boolean isAll() {
        return teams == null;
    }

    /** Whether a case of this team is in scope. */
    public boolean covers(String team) {
        return teams == null || (team != null && teams.contains(team));
    }
}
