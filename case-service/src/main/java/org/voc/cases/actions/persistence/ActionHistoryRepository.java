package org.voc.cases.actions.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import org.voc.cases.actions.domain.ActionHistoryEntry;
import org.voc.cases.actions.domain.ActionStatus;
import org.voc.kit.jdbc.Jdbc;

/** The improvement_action_history table: appended in the transaction of each change, read oldest first. */
@ApplicationScoped
public class ActionHistoryRepository {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};

    private final EntityManager em;
    private final ObjectMapper json;

    public ActionHistoryRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    public void append(
            UUID actionId,
            Instant at,
            String actor,
            String action,
            ActionStatus from,
            ActionStatus to,
            Map<String, Object> details) {
        String written = write(details);
        session().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into improvement_action_history"
                    + " (action_id, at, actor, action, from_status, to_status, details)"
                    + " values (?, ?, ?, ?, ?, ?, ?::jsonb)")) {
                insert.setObject(1, actionId);
                Jdbc.setInstant(insert, 2, at);
                insert.setString(3, actor);
                insert.setString(4, action);
                insert.setString(5, from == null ? null : from.name());
                insert.setString(6, to == null ? null : to.name());
                insert.setString(7, written);
                insert.executeUpdate();
            }
        });
    }

    /** The action's history, oldest first (at most {@code limit} entries). */
    public List<ActionHistoryEntry> of(UUID actionId, int limit) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select id, at, actor, action, from_status,"
                    + " to_status, details::text from improvement_action_history where action_id = ?"
                    + " order by id limit ?")) {
                select.setObject(1, actionId);
                select.setInt(2, limit);
                List<ActionHistoryEntry> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new ActionHistoryEntry(
                                rows.getLong(1),
                                Jdbc.instant(rows, 2),
                                rows.getString(3),
                                rows.getString(4),
                                status(rows.getString(5)),
                                status(rows.getString(6)),
                                json.readValue(rows.getString(7), DETAILS)));
                    }
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("history of action " + actionId + " holds unreadable JSON", e);
                }
                return entries;
            }
        });
    }

    private static ActionStatus status(String name) {
        return name == null ? null : ActionStatus.valueOf(name);
    }

    private String write(Map<String, Object> details) {
        try {
            return json.writeValueAsString(details == null ? Map.of() : details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history details are not serialisable", e);
        }
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
