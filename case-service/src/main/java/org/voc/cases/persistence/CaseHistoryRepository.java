package org.voc.cases.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import org.voc.cases.domain.CaseStatus;
import org.voc.cases.domain.HistoryEntry;
import org.voc.kit.jdbc.Jdbc;

/** The case_history table: appended in the transaction of each change, read oldest first. */
@ApplicationScoped
public class CaseHistoryRepository {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};

    private final EntityManager em;
    private final ObjectMapper json;

    public CaseHistoryRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    public void append(
            UUID caseId,
            Instant at,
            String actor,
            String action,
            CaseStatus from,
            CaseStatus to,
            Map<String, Object> details) {
        session().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into case_history (case_id, at, actor,"
                    + " action, from_status, to_status, details) values (?, ?, ?, ?, ?, ?, ?::jsonb)")) {
                insert.setObject(1, caseId);
                Jdbc.setInstant(insert, 2, at);
                insert.setString(3, actor);
                insert.setString(4, action);
                insert.setString(5, from == null ? null : from.name());
                insert.setString(6, to == null ? null : to.name());
                insert.setString(7, write(details));
                insert.executeUpdate();
            }
        });
    }

    /** One row per case, all alike (what the service does to many cases at once: opening, routing). */
    public void appendAll(
            Collection<UUID> caseIds, Instant at, String actor, String action, CaseStatus from, CaseStatus to) {
        if (caseIds.isEmpty()) {
            return;
        }
        session().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into case_history (case_id, at, actor,"
                    + " action, from_status, to_status) select id, ?, ?, ?, ?, ? from unnest(?::text[]::uuid[]) id")) {
                Jdbc.setInstant(insert, 1, at);
                insert.setString(2, actor);
                insert.setString(3, action);
                insert.setString(4, from == null ? null : from.name());
                insert.setString(5, to == null ? null : to.name());
                insert.setArray(
                        6,
                        connection.createArrayOf(
                                "text", caseIds.stream().map(UUID::toString).toArray()));
                insert.executeUpdate();
            }
        });
    }

    /** A row of what one actor did to many cases at once, each with its own action and details. */
    public record Entry(UUID caseId, Instant at, String action, Map<String, Object> details) {}

    /** One statement for many rows of one actor (the SLA scheduler's breaches and escalations). */
    public void appendEach(List<Entry> entries, String actor) {
        if (entries.isEmpty()) {
            return;
        }
        String sql = "insert into case_history (case_id, at, actor, action, details) values "
                + String.join(", ", Collections.nCopies(entries.size(), "(?, ?, ?, ?, ?::jsonb)"));
        session().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                int i = 0;
                for (Entry entry : entries) {
                    insert.setObject(++i, entry.caseId());
                    Jdbc.setInstant(insert, ++i, entry.at());
                    insert.setString(++i, actor);
                    insert.setString(++i, entry.action());
                    insert.setString(++i, write(entry.details()));
                }
                insert.executeUpdate();
            }
        });
    }

    /** The case's history, oldest first (at most {@code limit} entries). */
    public List<HistoryEntry> of(UUID caseId, int limit) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select id, at, actor, action, from_status,"
                    + " to_status, details::text from case_history where case_id = ? order by id limit ?")) {
                select.setObject(1, caseId);
                select.setInt(2, limit);
                List<HistoryEntry> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new HistoryEntry(
                                rows.getLong(1),
                                rows.getObject(2, OffsetDateTime.class).toInstant(),
                                rows.getString(3),
                                rows.getString(4),
                                status(rows.getString(5)),
                                status(rows.getString(6)),
                                json.readValue(rows.getString(7), DETAILS)));
                    }
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("history of case " + caseId + " holds unreadable JSON", e);
                }
                return entries;
            }
        });
    }

    private static CaseStatus status(String name) {
        // IN_PROGRESS was never written (no action led to it); read defensively all the same.
        if (name == null) {
            return null;
        }
        try {
            return CaseStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
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
