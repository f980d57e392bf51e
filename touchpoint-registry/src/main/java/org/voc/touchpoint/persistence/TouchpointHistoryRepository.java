package org.voc.touchpoint.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import org.voc.touchpoint.domain.TouchpointChange;

/** The append-only history of touchpoint revisions. */
@ApplicationScoped
public class TouchpointHistoryRepository implements PanacheRepositoryBase<TouchpointChangeEntity, Long> {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final EntityManager em;
    private final ObjectMapper json;

    public TouchpointHistoryRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** Newest first, keyset-paginated by revision. */
    public List<TouchpointChange> of(UUID touchpointId, Long beforeRevision, int limit) {
        List<TouchpointChangeEntity> rows = beforeRevision == null
                ? find("touchpointId = ?1 order by revision desc, id desc", touchpointId)
                        .page(0, limit)
                        .list()
                : find(
                                "touchpointId = ?1 and revision < ?2 order by revision desc, id desc",
                                touchpointId,
                                beforeRevision)
                        .page(0, limit)
                        .list();
        return rows.stream().map(this::toChange).toList();
    }

    /** Many entries in JDBC batches (the import writes one per changed row). */
    public void insertAll(List<TouchpointChangeEntity> changes) {
        if (changes.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into touchpoint_history
                        (touchpoint_id, revision, action, actor, actor_name, changed_at, changes)
                    values (?, ?, ?, ?, ?, ?, ?::jsonb)""")) {
                int pending = 0;
                for (TouchpointChangeEntity c : changes) {
                    insert.setObject(1, c.touchpointId);
                    insert.setLong(2, c.revision);
                    insert.setString(3, c.action);
                    insert.setString(4, c.actor);
                    insert.setString(5, c.actorName);
                    insert.setTimestamp(6, Timestamp.from(c.changedAt));
                    insert.setString(7, c.changes);
                    insert.addBatch();
                    if (++pending % 500 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        });
    }

    private TouchpointChange toChange(TouchpointChangeEntity c) {
        try {
            return new TouchpointChange(
                    c.revision, c.action, c.actor, c.actorName, c.changedAt, json.readValue(c.changes, MAP));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history entry " + c.id + " is unreadable", e);
        }
    }
}
