package org.voc.cases.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.voc.cases.persistence.TeamReplicaRepository;
import org.voc.cases.sla.TeamSchedule;
import org.voc.events.TeamState;

/**
 * Keeps the local team replica (newest revision wins), from which an agent's case scope and a team's SLA schedule are
 * read.
 */
@ApplicationScoped
public class TeamReplicaService {

    private final TeamReplicaRepository teams;

    public TeamReplicaService(TeamReplicaRepository teams) {
        this.teams = teams;
    }

    /** Applies a batch of states in one transaction. */
    @Transactional
    public void apply(List<TeamState> states) {
        // One upsert statement cannot touch the same row twice, so only the newest state per team goes in.
        Map<UUID, TeamState> newest = new LinkedHashMap<>();
        for (TeamState state : states) {
            newest.merge(state.id(), state, (a, b) -> b.revision() > a.revision() ? b : a);
        }
        teams.upsertNewer(new ArrayList<>(newest.values()));
    }

    /** The hours, holidays and ladder of a team's case SLAs; wall-clock time for a team not replicated (yet). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TeamSchedule scheduleOf(String teamKey) {
        return teams.findByKey(teamKey).map(TeamSchedule::of).orElseGet(() -> TeamSchedule.unknown(teamKey));
    }

    /** The team's members (Keycloak user names) in the registry's order; none for a team not replicated (yet). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> membersOf(String teamKey) {
        return teams.findByKey(teamKey).map(TeamState::members).orElse(List.of());
    }

    /**
     * The schedules of these teams, one read each: what opening a batch of cases counts its due times with. A null
     * team (not routed yet) counts wall-clock time.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, TeamSchedule> schedulesOf(Set<String> teamKeys) {
        Map<String, TeamSchedule> schedules = new java.util.HashMap<>();
        for (String key : teamKeys) {
            if (key != null) {
                schedules.put(key, scheduleOf(key));
            }
        }
        return schedules;
    }

    /** The cases a case agent may see: those of the teams that name them (none for a caller without a name). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CaseScope scopeOf(String username) {
        return CaseScope.teams(username == null ? Set.of() : teams.teamsOf(username));
    }
}
