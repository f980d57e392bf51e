package org.voc.touchpoint.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.voc.touchpoint.domain.ExternalRef;
import org.voc.touchpoint.domain.Raci;
import org.voc.touchpoint.domain.Touchpoint;
import org.voc.touchpoint.domain.TouchpointCursor;
import org.voc.touchpoint.domain.TouchpointFilter;
import org.voc.touchpoint.domain.TouchpointSort;
import org.voc.touchpoint.domain.TouchpointStatus;

/**
 * Touchpoint queries; listing is keyset-paginated (sort value, then key) so pages stay correct under concurrent
 * inserts.
 */
@ApplicationScoped
public class TouchpointRepository implements PanacheRepositoryBase<TouchpointEntity, UUID> {

    private final EntityManager em;

    public TouchpointRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<Touchpoint> findByKey(String key) {
        return findEntityByKey(key).map(TouchpointRepository::toTouchpoint);
    }

    /** The managed row, for a change that bumps its revision. */
    public Optional<TouchpointEntity> findEntityByKey(String key) {
        return find("key", key).firstResultOptional();
    }

    public List<Touchpoint> findByKeys(Collection<String> keys) {
        return findEntitiesByKeys(keys).stream()
                .map(TouchpointRepository::toTouchpoint)
                .toList();
    }

    /** The managed rows, for the import that compares and then rewrites them. */
    public List<TouchpointEntity> findEntitiesByKeys(Collection<String> keys) {
        return keys.isEmpty() ? List.of() : list("key in ?1", keys);
    }

    /** The touchpoint an external event stands for: one primary-key lookup and a join. */
    public Optional<Touchpoint> findByRef(String system, String ref) {
        return em.createQuery("""
                        select t from TouchpointEntity t where t.id =
                         (select r.touchpointId from TouchpointRefEntity r
                          where r.system = :system and r.ref = :ref)""", TouchpointEntity.class)
                .setParameter("system", system)
                .setParameter("ref", ref)
                .getResultStream()
                .findFirst()
                .map(TouchpointRepository::toTouchpoint);
    }

    /** The touchpoints not retired, only those tagged {@code tag} when it is given. */
    public List<Touchpoint> listNotRetired(String tag) {
        List<TouchpointEntity> rows = tag == null
                ? list("status <> ?1", TouchpointStatus.RETIRED)
                : list("status <> ?1 and array_contains(tags, ?2)", TouchpointStatus.RETIRED, tag);
        return rows.stream().map(TouchpointRepository::toTouchpoint).toList();
    }

    public List<Touchpoint> list(TouchpointFilter filter, TouchpointSort sort, TouchpointCursor after, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = where(filter, query);
        if (after != null) {
            String op = sort.descending ? "<" : ">";
            if (sort.column.equals("key")) {
                query.append(" and key ").append(op).append(" :afterKey");
            } else {
                query.append(" and (")
                        .append(sort.column)
                        .append(' ')
                        .append(op)
                        .append(" :afterValue or (")
                        .append(sort.column)
                        .append(" = :afterValue and key ")
                        .append(op)
                        .append(" :afterKey))");
                params.and("afterValue", after.value());
            }
            params.and("afterKey", after.key());
        }
        String direction = sort.descending ? " desc" : "";
        query.append(" order by ").append(sort.column).append(direction);
        if (!sort.column.equals("key")) {
            query.append(", key").append(direction);
        }
        return find(query.toString(), params).page(0, limit).list().stream()
                .map(TouchpointRepository::toTouchpoint)
                .toList();
    }

    public long count(TouchpointFilter filter) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = where(filter, query);
        return count(query.toString(), params);
    }

    private static Parameters where(TouchpointFilter filter, StringBuilder query) {
        Parameters params = new Parameters();
        if (filter.channel() != null) {
            query.append(" and channel = :channel");
            params.and("channel", filter.channel());
        }
        if (filter.journeyStage() != null) {
            query.append(" and journeyStage = :stage");
            params.and("stage", filter.journeyStage());
        }
        if (filter.signalKind() != null) {
            query.append(" and signalKind = :signalKind");
            params.and("signalKind", filter.signalKind());
        }
        if (filter.ownerTeam() != null) {
            query.append(" and ownerTeam = :team");
            params.and("team", filter.ownerTeam());
        }
        if (filter.status() != null) {
            query.append(" and status = :status");
            params.and("status", filter.status());
        }
        if (filter.segment() != null) {
            query.append(" and array_contains(segments, :segment)");
            params.and("segment", filter.segment());
        }
        if (filter.tag() != null) {
            query.append(" and array_contains(tags, :tag)");
            params.and("tag", filter.tag());
        }
        if (filter.text() != null) {
            query.append(" and (lower(key) like :text escape '\\' or lower(name) like :text escape '\\'"
                    + " or lower(coalesce(description, '')) like :text escape '\\')");
            String escaped = filter.text()
                    .toLowerCase()
                    .replace("\\", "\\\\")
                    .replace("%", "\\%")
                    .replace("_", "\\_");
            params.and("text", "%" + escaped + "%");
        }
        return params;
    }

    /** Which of these references already resolve to a touchpoint other than those named: {@code system:ref → key}. */
    public Map<String, String> refsHeldByOthers(Collection<ExternalRef> refs, Collection<UUID> except) {
        if (refs.isEmpty()) {
            return Map.of();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    select r.system, r.ref, t.key, t.id
                    from touchpoint_ref r join touchpoint t on t.id = r.touchpoint_id
                    where (r.system, r.ref) in (select * from unnest(?::text[], ?::text[]))""")) {
                query.setArray(
                        1,
                        connection.createArrayOf(
                                "text", refs.stream().map(ExternalRef::system).toArray()));
                query.setArray(
                        2,
                        connection.createArrayOf(
                                "text", refs.stream().map(ExternalRef::ref).toArray()));
                Map<String, String> held = new HashMap<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        if (!except.contains(rows.getObject(4, UUID.class))) {
                            held.put(
                                    new ExternalRef(rows.getString(1), rows.getString(2)).encoded(), rows.getString(3));
                        }
                    }
                }
                return held;
            }
        });
    }

    /** Makes touchpoint_ref hold exactly the current references of these touchpoints, in two batched statements. */
    public void replaceRefs(Map<UUID, List<ExternalRef>> refsByTouchpoint) {
        if (refsByTouchpoint.isEmpty()) {
            return;
        }
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("delete from touchpoint_ref where touchpoint_id = any(?)")) {
                delete.setArray(
                        1,
                        connection.createArrayOf(
                                "uuid", refsByTouchpoint.keySet().toArray()));
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into touchpoint_ref (system, ref, touchpoint_id) values (?, ?, ?)")) {
                int pending = 0;
                for (Map.Entry<UUID, List<ExternalRef>> entry : refsByTouchpoint.entrySet()) {
                    for (ExternalRef ref : entry.getValue()) {
                        insert.setString(1, ref.system());
                        insert.setString(2, ref.ref());
                        insert.setObject(3, entry.getKey());
                        insert.addBatch();
                        if (++pending % 500 == 0) {
                            insert.executeBatch();
                        }
                    }
                }
                insert.executeBatch();
            }
        });
    }

    /** The record of a row; a service that has just changed a managed row returns it through this. */
    public static Touchpoint toTouchpoint(TouchpointEntity e) {
        return new Touchpoint(
                e.id,
                e.key,
                e.name,
                e.description,
                e.channel,
                e.journeyStage,
                e.signalKind,
                List.of(e.segments),
                e.product,
                e.ownerTeam,
                e.status,
                new Raci(List.of(e.responsible), List.of(e.accountable), List.of(e.consulted), List.of(e.informed)),
                List.of(e.tags),
                Arrays.stream(e.externalRefs).map(ExternalRef::decode).toList(),
                e.version,
                e.createdAt,
                e.updatedAt);
    }
}
