package org.voc.survey.distribution.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.hibernate.Session;
import org.voc.kit.jdbc.Jdbc;
import org.voc.survey.distribution.domain.ReplicatedTouchpoint;

/**
 * survey-service's replica of the registry's touchpoints, kept by set-based SQL on the transaction's connection:
 * one statement per batch of states, one query per batch of interactions.
 */
@ApplicationScoped
public class TouchpointReplicaRepository {

    private final EntityManager em;

    public TouchpointReplicaRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Stores each state whose revision is higher than the stored one (a replayed or repeated state changes
     * nothing). The states must have distinct ids. Returns how many rows were inserted or changed.
     */
    public int upsertNewer(List<ReplicatedTouchpoint> states) {
        if (states.isEmpty()) {
            return 0;
        }
        String sql = "insert into touchpoint_replica (id, key, status, channel, segments, owner_team, external_refs,"
                + " revision) values "
                + String.join(", ", Collections.nCopies(states.size(), "(?, ?, ?, ?, ?, ?, ?, ?)"))
                + " on conflict (id) do update set key = excluded.key, status = excluded.status,"
                + " channel = excluded.channel, segments = excluded.segments, owner_team = excluded.owner_team,"
                + " external_refs = excluded.external_refs, revision = excluded.revision"
                + " where touchpoint_replica.revision < excluded.revision";
        return session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int i = 0;
                for (ReplicatedTouchpoint s : states) {
                    statement.setObject(++i, s.id());
                    statement.setString(++i, s.key());
                    statement.setString(++i, s.status());
                    statement.setString(++i, s.channel());
                    statement.setArray(
                            ++i, connection.createArrayOf("text", s.segments().toArray()));
                    statement.setString(++i, s.ownerTeam());
                    statement.setArray(
                            ++i,
                            connection.createArrayOf("text", s.externalRefs().toArray()));
                    statement.setLong(++i, s.revision());
                }
                return statement.executeUpdate();
            }
        });
    }

    /** Every replicated touchpoint with one of these keys or one of these encoded external references. */
    public List<ReplicatedTouchpoint> find(Collection<String> keys, Collection<String> externalRefs) {
        if (keys.isEmpty() && externalRefs.isEmpty()) {
            return List.of();
        }
        return session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select id, key, status, channel, segments, owner_team, external_refs, revision"
                            + " from touchpoint_replica where key = any(?) or external_refs && ?::text[]")) {
                statement.setArray(1, connection.createArrayOf("text", keys.toArray()));
                statement.setArray(2, connection.createArrayOf("text", externalRefs.toArray()));
                List<ReplicatedTouchpoint> found = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(touchpoint(rows));
                    }
                }
                return found;
            }
        });
    }

    private static ReplicatedTouchpoint touchpoint(ResultSet rows) throws SQLException {
        return new ReplicatedTouchpoint(
                rows.getObject("id", java.util.UUID.class),
                rows.getString("key"),
                rows.getString("status"),
                rows.getString("channel"),
                Jdbc.strings(rows, "segments"),
                rows.getString("owner_team"),
                Jdbc.strings(rows, "external_refs"),
                rows.getLong("revision"));
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
