package org.voc.cases.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.voc.events.TouchpointState;

/**
 * The local replica of the touchpoints (what routing needs of them), and the lock that keeps routing consistent.
 * Set-based SQL on the transaction's JDBC connection, one statement per batch.
 */
@ApplicationScoped
public class TouchpointReplicaRepository {

    /** First half of the advisory-lock id: names "routing of a touchpoint key" among the service's locks. */
    private static final int ROUTING_LOCK_SPACE = 0x0CA5E;

    private final EntityManager em;

    public TouchpointReplicaRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Serialises, until the transaction ends, the transactions that open cases for these touchpoint keys with those
     * that store the keys' owner team. Without it a case opened while its touchpoint's state is being stored could
     * miss both the owner lookup and the routing update (each transaction not seeing the other's uncommitted row)
     * and stay unrouted. Locks are taken in ascending order in one statement, so two batches cannot deadlock; a
     * hash collision only serialises two unrelated keys.
     */
    public void lockRouting(Collection<String> touchpointKeys) {
        Integer[] ids = touchpointKeys.stream()
                .map(String::hashCode)
                .distinct()
                .sorted()
                .toArray(Integer[]::new);
        if (ids.length == 0) {
            return;
        }
        session().doWork(connection -> {
            try (PreparedStatement statement =
                    connection.prepareStatement("select pg_advisory_xact_lock(?, id) from unnest(?::int[]) as id")) {
                statement.setInt(1, ROUTING_LOCK_SPACE);
                statement.setArray(2, connection.createArrayOf("int4", ids));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        // the locks are taken while the rows are produced
                    }
                }
            }
        });
    }

    /**
     * Owner team of each known touchpoint key (keys not replicated yet are absent, as are teams that are null). A key
     * held by several ids (registered again after a registry was rebuilt) resolves to its live, latest stored row.
     */
    public Map<String, String> ownerTeams(Collection<String> touchpointKeys) {
        if (touchpointKeys.isEmpty()) {
            return Map.of();
        }
        return session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("select key, owner_team from"
                    + " (select distinct on (key) key, owner_team from touchpoint_replica where key = any(?)"
                    + " order by key, status = 'RETIRED', stored_seq desc) preferred"
                    + " where owner_team is not null")) {
                statement.setArray(1, connection.createArrayOf("text", touchpointKeys.toArray(String[]::new)));
                return ownersOf(statement);
            }
        });
    }

    /**
     * Stores each state whose revision is higher than the stored one (a replayed or repeated state changes nothing).
     * The states must have distinct ids. Returns the keys of the rows actually inserted or changed (with their
     * team, which {@link #ownerTeams} may override when the key is held by another, preferred row).
     */
    public Map<String, String> upsertNewer(List<TouchpointState> states) {
        if (states.isEmpty()) {
            return Map.of();
        }
        String sql = "insert into touchpoint_replica (id, key, name, owner_team, status, revision, informed_teams)"
                + " values " + String.join(", ", Collections.nCopies(states.size(), "(?, ?, ?, ?, ?, ?, ?)"))
                + " on conflict (id) do update set key = excluded.key, name = excluded.name,"
                + " owner_team = excluded.owner_team, status = excluded.status, revision = excluded.revision,"
                + " informed_teams = excluded.informed_teams,"
                + " stored_seq = nextval('touchpoint_replica_stored_seq')"
                + " where touchpoint_replica.revision < excluded.revision"
                + " returning key, owner_team";
        return session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int i = 0;
                for (TouchpointState state : states) {
                    statement.setObject(++i, state.id());
                    statement.setString(++i, state.key());
                    statement.setString(++i, state.name());
                    statement.setString(++i, state.ownerTeam());
                    statement.setString(++i, state.status());
                    statement.setLong(++i, state.revision());
                    statement.setArray(++i, connection.createArrayOf("text", informed(state)));
                }
                return ownersOf(statement);
            }
        });
    }

    /**
     * The RACI "informed" teams of each known touchpoint key (its live, latest stored row, as for the owner); keys
     * without any are absent.
     */
    public Map<String, List<String>> informedTeams(Collection<String> touchpointKeys) {
        if (touchpointKeys.isEmpty()) {
            return Map.of();
        }
        return session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("select key, informed_teams from"
                    + " (select distinct on (key) key, informed_teams from touchpoint_replica where key = any(?)"
                    + " order by key, status = 'RETIRED', stored_seq desc) preferred"
                    + " where cardinality(informed_teams) > 0")) {
                statement.setArray(1, connection.createArrayOf("text", touchpointKeys.toArray(String[]::new)));
                Map<String, List<String>> informed = new HashMap<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        informed.put(rows.getString(1), List.of((String[])
                                rows.getArray(2).getArray()));
                    }
                }
                return informed;
            }
        });
    }

    private static String[] informed(TouchpointState state) {
        if (state.raci() == null || state.raci().informed() == null) {
            return new String[0];
        }
        return state.raci().informed().stream()
                .filter(t -> t != null && !t.isBlank())
                .distinct()
                .toArray(String[]::new);
    }

    private static Map<String, String> ownersOf(PreparedStatement statement) throws java.sql.SQLException {
        Map<String, String> owners = new HashMap<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                owners.put(rows.getString(1), rows.getString(2));
            }
        }
        return owners;
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
