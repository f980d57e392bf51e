package org.voc.cases.causes.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.voc.cases.causes.domain.CauseChange;
import org.voc.cases.causes.domain.RootCause;
import org.voc.kit.jdbc.Jdbc;

/** The taxonomy (root_cause) and its history (root_cause_history), in plain JDBC on the transaction's connection. */
@ApplicationScoped
public class RootCauseRepository {

    private static final String COLUMNS =
            "id, code, name, description, parent_id, active, version, created_at, updated_at";
    private static final TypeReference<Map<String, Object>> CHANGES = new TypeReference<>() {};
    /** The key of the transaction-scoped advisory lock every taxonomy write takes ("root_cause" in ASCII). */
    private static final long WRITE_LOCK = 0x726f6f745f636155L;

    private final EntityManager em;
    private final ObjectMapper json;

    public RootCauseRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /**
     * Makes the taxonomy's writes take turns until the transaction ends, on every replica: a move is checked against
     * the whole tree, and two concurrent moves could otherwise each pass and together make a cycle.
     */
    public void lockForWrite() {
        session().doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, WRITE_LOCK);
                lock.execute();
            }
        });
    }

    public List<RootCause> all() {
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from root_cause")) {
                return read(select);
            }
        });
    }

    public Optional<RootCause> find(UUID id) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("select " + COLUMNS + " from root_cause where id = ?")) {
                select.setObject(1, id);
                return read(select).stream().findFirst();
            }
        });
    }

    /** The causes with these ids (those that exist). */
    public List<RootCause> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select " + COLUMNS + " from root_cause where id = any(?::text[]::uuid[])")) {
                select.setArray(
                        1,
                        connection.createArrayOf(
                                "text", ids.stream().map(UUID::toString).toArray()));
                return read(select);
            }
        });
    }

    public boolean codeTaken(String code) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select 1 from root_cause where code = ?")) {
                select.setString(1, code);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    public void insert(RootCause c) {
        session().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into root_cause (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(insert, c);
                insert.executeUpdate();
            }
        });
    }

    public void update(RootCause c) {
        session().doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("update root_cause set code = ?, name = ?,"
                    + " description = ?, parent_id = ?, active = ?, version = ?, updated_at = ? where id = ?")) {
                update.setString(1, c.code());
                update.setString(2, c.name());
                update.setString(3, c.description());
                update.setObject(4, c.parentId());
                update.setBoolean(5, c.active());
                update.setLong(6, c.version());
                Jdbc.setInstant(update, 7, c.updatedAt());
                update.setObject(8, c.id());
                update.executeUpdate();
            }
        });
    }

    public void appendHistory(UUID id, Instant at, String actor, String action, Map<String, Object> changes) {
        session().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into root_cause_history"
                    + " (root_cause_id, at, actor, action, changes) values (?, ?, ?, ?, ?::jsonb)")) {
                insert.setObject(1, id);
                Jdbc.setInstant(insert, 2, at);
                insert.setString(3, actor);
                insert.setString(4, action);
                insert.setString(5, write(changes));
                insert.executeUpdate();
            }
        });
    }

    /** The cause's changes, oldest first, at most {@code limit}. */
    public List<CauseChange> history(UUID id, int limit) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select id, at, actor, action, changes"
                    + " from root_cause_history where root_cause_id = ? order by id limit ?")) {
                select.setObject(1, id);
                select.setInt(2, limit);
                List<CauseChange> out = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        out.add(new CauseChange(
                                rows.getLong(1),
                                Jdbc.instant(rows, 2),
                                rows.getString(3),
                                rows.getString(4),
                                readChanges(rows.getString(5))));
                    }
                }
                return out;
            }
        });
    }

    private static void bind(PreparedStatement statement, RootCause c) throws SQLException {
        statement.setObject(1, c.id());
        statement.setString(2, c.code());
        statement.setString(3, c.name());
        statement.setString(4, c.description());
        statement.setObject(5, c.parentId());
        statement.setBoolean(6, c.active());
        statement.setLong(7, c.version());
        Jdbc.setInstant(statement, 8, c.createdAt());
        Jdbc.setInstant(statement, 9, c.updatedAt());
    }

    private static List<RootCause> read(PreparedStatement select) throws SQLException {
        List<RootCause> out = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                out.add(new RootCause(
                        rows.getObject(1, UUID.class),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getString(4),
                        rows.getObject(5, UUID.class),
                        rows.getBoolean(6),
                        rows.getLong(7),
                        Jdbc.instant(rows, 8),
                        Jdbc.instant(rows, 9)));
            }
        }
        return out;
    }

    private String write(Map<String, Object> changes) {
        try {
            return json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the changes of a root cause are not serialisable", e);
        }
    }

    private Map<String, Object> readChanges(String text) {
        try {
            return json.readValue(text, CHANGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the changes of a root cause are unreadable", e);
        }
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
