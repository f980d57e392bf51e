package org.voc.touchpoint.persistence;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The append-only history of touchpoint revisions. */
@ApplicationScoped
public class TouchpointHistoryRepository implements PanacheRepositoryBase<TouchpointChangeEntity, Long> {

    private final EntityManager em;

    public TouchpointHistoryRepository(EntityManager em) {
        this.em = em;
    }

    /** Newest first, keyset-paginated by revision. */
    public List<TouchpointChangeEntity> of(UUID touchpointId, Long beforeRevision, int limit) {
        if (beforeRevision == null) {
            return find("touchpointId = ?1 order by revision desc, id desc", touchpointId).page(0, limit).list();
        }
        return find("touchpointId = ?1 and revision < ?2 order by revision desc, id desc", touchpointId, beforeRevision)
                .page(0, limit).list();
    }

    /** Many entries in JDBC batches (the import writes one per changed row). */
    public void insertAll(List<TouchpointChangeEntity> changes) {
        if (changes.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into touchpoint_history (touchpoint_id, revision, action, actor, actor_name, changed_at, changes)
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
}
