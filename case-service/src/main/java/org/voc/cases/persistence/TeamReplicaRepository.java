package org.voc.cases.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;
import org.voc.events.TeamState;

/** The local replica of the teams (who their agents are). Set-based SQL, one statement per batch. */
@ApplicationScoped
public class TeamReplicaRepository {

    private final EntityManager em;

    public TeamReplicaRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Stores each state whose revision is higher than the stored one (a replayed or repeated state changes nothing).
     * The states must have distinct ids. Returns how many rows were inserted or changed.
     */
    public int upsertNewer(List<TeamState> states) {
        if (states.isEmpty()) {
            return 0;
        }
        String sql = "insert into team_replica (id, key, members, revision) values "
                + String.join(", ", Collections.nCopies(states.size(), "(?, ?, ?, ?)"))
                + " on conflict (id) do update set key = excluded.key, members = excluded.members,"
                + " revision = excluded.revision, stored_seq = nextval('team_replica_stored_seq')"
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

    private Session session() {
        return em.unwrap(Session.class);
    }
}
