package org.voc.cases.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.voc.events.TeamState;

/**
 * The local replica of the teams: who their agents are, and the hours, holidays and escalation ladder their case
 * SLAs count with. Set-based SQL, one statement per batch.
 */
@ApplicationScoped
public class TeamReplicaRepository {

    private static final TypeReference<List<TeamState.Holiday>> HOLIDAYS = new TypeReference<>() {};
    private static final TypeReference<List<TeamState.EscalationStep>> LADDER = new TypeReference<>() {};

    private final EntityManager em;
    private final ObjectMapper json;

    public TeamReplicaRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /**
     * Stores each state whose revision is higher than the stored one (a replayed or repeated state changes nothing).
     * The states must have distinct ids. Returns how many rows were inserted or changed.
     */
    public int upsertNewer(List<TeamState> states) {
        if (states.isEmpty()) {
            return 0;
        }
        String sql = "insert into team_replica (id, key, members, revision, escalation_contact, working_days,"
                + " work_start, work_end, time_zone, holidays, escalation_ladder) values "
                + String.join(
                        ", ", Collections.nCopies(states.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)"))
                + " on conflict (id) do update set key = excluded.key, members = excluded.members,"
                + " revision = excluded.revision, escalation_contact = excluded.escalation_contact,"
                + " working_days = excluded.working_days, work_start = excluded.work_start,"
                + " work_end = excluded.work_end, time_zone = excluded.time_zone, holidays = excluded.holidays,"
                + " escalation_ladder = excluded.escalation_ladder,"
                + " stored_seq = nextval('team_replica_stored_seq')"
                + " where team_replica.revision < excluded.revision";
        return session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int i = 0;
                for (TeamState state : states) {
                    statement.setObject(++i, state.id());
                    statement.setString(++i, state.key());
                    statement.setArray(
                            ++i,
                            connection.createArrayOf("text", state.members().toArray()));
                    statement.setLong(++i, state.revision());
                    statement.setString(++i, state.escalationContact());
                    statement.setArray(
                            ++i,
                            state.workingDays() == null
                                    ? null
                                    : connection.createArrayOf(
                                            "text", state.workingDays().toArray()));
                    statement.setString(++i, state.workStart());
                    statement.setString(++i, state.workEnd());
                    statement.setString(++i, state.timeZone());
                    statement.setString(++i, write(state.holidays()));
                    statement.setString(++i, write(state.escalationLadder()));
                }
                return statement.executeUpdate();
            }
        });
    }

    /**
     * Keys of the teams that name this user as a member. A key held by several ids (registered again after a
     * registry was rebuilt) counts with its latest stored state only, so an older state cannot keep a member in.
     */
    public Set<String> teamsOf(String username) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("select key from"
                    + " (select distinct on (key) key, members from team_replica"
                    + " where key in (select key from team_replica where members @> array[?]::text[])"
                    + " order by key, stored_seq desc) preferred"
                    + " where ? = any(members)")) {
                statement.setString(1, username);
                statement.setString(2, username);
                Set<String> keys = new HashSet<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        keys.add(rows.getString(1));
                    }
                }
                return keys;
            }
        });
    }

    /**
     * The latest stored state of the team with this key (the row a rebuilt registry's re-registration wrote last),
     * as far as the replica keeps it: name and update time are not kept.
     */
    public Optional<TeamState> findByKey(String key) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("select id, key, escalation_contact,"
                    + " working_days, work_start, work_end, time_zone, revision, members, holidays::text,"
                    + " escalation_ladder::text from team_replica where key = ? order by stored_seq desc limit 1")) {
                statement.setString(1, key);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    Array days = row.getArray("working_days");
                    return Optional.of(new TeamState(
                            row.getObject("id", UUID.class),
                            row.getString("key"),
                            null,
                            row.getString("escalation_contact"),
                            days == null ? null : List.of((String[]) days.getArray()),
                            row.getString("work_start"),
                            row.getString("work_end"),
                            row.getString("time_zone"),
                            row.getLong("revision"),
                            null,
                            List.of((String[]) row.getArray("members").getArray()),
                            json.readValue(row.getString("holidays"), HOLIDAYS),
                            json.readValue(row.getString("escalation_ladder"), LADDER)));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("team_replica " + key + " holds unreadable JSON", e);
                }
            }
        });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
