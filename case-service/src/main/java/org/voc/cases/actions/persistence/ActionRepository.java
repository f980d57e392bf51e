package org.voc.cases.actions.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.voc.cases.actions.domain.ActionFilter;
import org.voc.cases.actions.domain.ActionOrder;
import org.voc.cases.actions.domain.ImpactVerdict;
import org.voc.cases.actions.domain.ImprovementAction;
import org.voc.cases.actions.domain.Recurrence;
import org.voc.cases.domain.CaseScope;
import org.voc.kit.jdbc.Jdbc;

/**
 * Improvement actions and what hangs on them: their touchpoints, root cause ids and linked cases (with the detractors
 * among those, which rank the actions). Listing and ranking are SQL over these tables; the row itself is an entity,
 * locked for each change.
 */
@ApplicationScoped
public class ActionRepository {

    /** Linked cases and detractors (NPS ≤ 6) among them, per action; joined laterally by the listing and reads. */
    private static final String COUNTS = "left join lateral (select count(*) as linked, count(*) filter (where"
            + " c.nps <= 6) as detractors from improvement_action_case l join customer_case c on c.id = l.case_id"
            + " where l.action_id = a.id) s on true";

    private final EntityManager em;

    public ActionRepository(EntityManager em) {
        this.em = em;
    }

    /** Inserts the row at once: the tables written over JDBC next refer to it. */
    public void insert(ActionEntity e) {
        em.persist(e);
        em.flush();
    }

    public Optional<ActionEntity> lockForChange(UUID id) {
        return Optional.ofNullable(em.find(ActionEntity.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<ImprovementAction> find(UUID id) {
        ActionEntity e = em.find(ActionEntity.class, id);
        return e == null ? Optional.empty() : Optional.of(toDomain(List.of(e)).get(0));
    }

    /** The action as it is now (after a change in this transaction is flushed). */
    public ImprovementAction toDomain(ActionEntity e) {
        em.flush();
        return toDomain(List.of(e)).get(0);
    }

    /**
     * One window of {@link Recurrence}: cases at the action's touchpoints naming one of its root causes, by the time
     * of their response in [from, to), and the responses tallied at those touchpoints on the UTC days from the day of
     * {@code from} to the day before that of {@code to} (a window starting mid-day counts its first day whole).
     */
    public Recurrence.Window recurrence(UUID id, Instant from, Instant to) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select (select count(distinct c.id) from customer_case c
                              join case_root_cause r on r.case_id = c.id
                             where r.root_cause_id in
                                   (select root_cause_id from improvement_action_root_cause where action_id = ?)
                               and c.touchpoint_key in
                                   (select touchpoint_key from improvement_action_touchpoint where action_id = ?)
                               and c.responded_at >= ? and c.responded_at < ?),
                           (select coalesce(sum(t.responses), 0) from response_tally t
                             where t.touchpoint_key in
                                   (select touchpoint_key from improvement_action_touchpoint where action_id = ?)
                               and t.day >= ? and t.day < ?)""")) {
                select.setObject(1, id);
                select.setObject(2, id);
                Jdbc.setInstant(select, 3, from);
                Jdbc.setInstant(select, 4, to);
                select.setObject(5, id);
                select.setObject(6, LocalDate.ofInstant(from, ZoneOffset.UTC));
                select.setObject(7, LocalDate.ofInstant(to, ZoneOffset.UTC));
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return Recurrence.Window.of(from, to, row.getLong(1), row.getLong(2));
                }
            }
        });
    }

    /** The distinct customers of the action's linked cases, in the order they were linked; erased ones have none. */
    public List<String> linkedCustomers(UUID id) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select c.customer_ref from improvement_action_case l join customer_case c on c.id = l.case_id"
                            + " where l.action_id = ? and c.customer_ref is not null"
                            + " group by c.customer_ref order by min(l.linked_at), c.customer_ref")) {
                select.setObject(1, id);
                List<String> customers = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        customers.add(rows.getString(1));
                    }
                }
                return customers;
            }
        });
    }

    /** Replaces the action's touchpoints and root causes. */
    public void replaceTargets(UUID id, Collection<String> touchpointKeys, Collection<UUID> rootCauseIds) {
        session().doWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                            "delete from improvement_action_touchpoint where action_id = ?");
                    PreparedStatement causes = connection.prepareStatement(
                            "delete from improvement_action_root_cause where action_id = ?")) {
                delete.setObject(1, id);
                delete.executeUpdate();
                causes.setObject(1, id);
                causes.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into improvement_action_touchpoint"
                    + " (action_id, touchpoint_key) select ?, unnest(?::text[]) on conflict do nothing")) {
                insert.setObject(1, id);
                insert.setArray(2, connection.createArrayOf("text", touchpointKeys.toArray()));
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into improvement_action_root_cause"
                    + " (action_id, root_cause_id) select ?, unnest(?::uuid[]) on conflict do nothing")) {
                insert.setObject(1, id);
                insert.setArray(2, connection.createArrayOf("uuid", rootCauseIds.toArray()));
                insert.executeUpdate();
            }
        });
    }

    /** Links the cases to the action (those already linked stay as they were); returns the ids newly linked. */
    public List<UUID> link(UUID id, Collection<UUID> caseIds, Instant at) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into improvement_action_case"
                    + " (action_id, case_id, linked_at) select ?, c, ? from unnest(?::uuid[]) c"
                    + " on conflict do nothing returning case_id")) {
                insert.setObject(1, id);
                Jdbc.setInstant(insert, 2, at);
                insert.setArray(3, connection.createArrayOf("uuid", caseIds.toArray()));
                return uuids(insert);
            }
        });
    }

    /** Whether the case was linked (and no longer is). */
    public boolean unlink(UUID id, UUID caseId) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from improvement_action_case where action_id = ? and case_id = ?")) {
                delete.setObject(1, id);
                delete.setObject(2, caseId);
                return delete.executeUpdate() == 1;
            }
        });
    }

    /** The ids among {@code caseIds} that no case has. */
    public Set<UUID> missingCases(Collection<UUID> caseIds) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select c from unnest(?::uuid[]) c"
                    + " where not exists (select 1 from customer_case where id = c)")) {
                select.setArray(1, connection.createArrayOf("uuid", caseIds.toArray()));
                return new LinkedHashSet<>(uuids(select));
            }
        });
    }

    /**
     * One page of the action's linked cases within {@code scope}, most recently linked first by (linkedAt, case id),
     * as (case id, linkedAt).
     */
    public List<Map.Entry<UUID, Instant>> linkedCases(
            UUID id, CaseScope scope, Instant afterAt, UUID afterId, int limit) {
        StringBuilder sql = new StringBuilder("select l.case_id, l.linked_at from improvement_action_case l join"
                + " customer_case c on c.id = l.case_id where l.action_id = ?");
        if (!scope.isAll()) {
            sql.append(" and c.team = any(?)");
        }
        if (afterId != null) {
            sql.append(" and (l.linked_at, l.case_id) < (?, ?)");
        }
        sql.append(" order by l.linked_at desc, l.case_id desc limit ?");
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                int i = 0;
                select.setObject(++i, id);
                if (!scope.isAll()) {
                    select.setArray(
                            ++i, connection.createArrayOf("text", scope.teams().toArray()));
                }
                if (afterId != null) {
                    Jdbc.setInstant(select, ++i, afterAt);
                    select.setObject(++i, afterId);
                }
                select.setInt(++i, limit);
                List<Map.Entry<UUID, Instant>> rows = new ArrayList<>();
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        rows.add(Map.entry(result.getObject(1, UUID.class), Jdbc.instant(result, 2)));
                    }
                }
                return rows;
            }
        });
    }

    /** One page of the actions that pass the filter, in the order asked for. */
    public List<ImprovementAction> list(ActionFilter filter, ActionOrder order, int limit) {
        StringBuilder sql = new StringBuilder("select a.id from improvement_action a " + COUNTS + " where true");
        List<Object> params = new ArrayList<>();
        if (filter.status() != null) {
            sql.append(" and a.status = ?");
            params.add(filter.status().name());
        }
        if (filter.team() != null) {
            sql.append(" and a.owner_team = ?");
            params.add(filter.team());
        }
        if (filter.touchpoint() != null) {
            sql.append(" and exists (select 1 from improvement_action_touchpoint t where t.action_id = a.id"
                    + " and t.touchpoint_key = ?)");
            params.add(filter.touchpoint());
        }
        if (filter.rootCause() != null) {
            sql.append(" and exists (select 1 from improvement_action_root_cause r where r.action_id = a.id"
                    + " and r.root_cause_id = ?)");
            params.add(filter.rootCause());
        }
        // The priority is 100 × detractors (ImprovementAction.suggestedPriority), exact in integers.
        String priority = "(100 * coalesce(s.detractors, 0))";
        ActionOrder.After after = order.after();
        if (order.sort() == ActionOrder.Sort.PRIORITY) {
            if (after != null) {
                sql.append(" and (" + priority + ", a.id) < (?, ?)");
                params.add(after.priority());
                params.add(after.id());
            }
            sql.append(" order by " + priority + " desc, a.id desc");
        } else {
            if (after != null) {
                sql.append(" and (a.created_at, a.id) < (?, ?)");
                params.add(after.createdAt());
                params.add(after.id());
            }
            sql.append(" order by a.created_at desc, a.id desc");
        }
        sql.append(" limit ?");
        params.add(limit);
        List<UUID> ids = session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    Object value = params.get(i);
                    if (value instanceof Instant at) {
                        Jdbc.setInstant(select, i + 1, at);
                    } else {
                        select.setObject(i + 1, value);
                    }
                }
                return uuids(select);
            }
        });
        if (ids.isEmpty()) {
            return List.of();
        }
        List<ActionEntity> rows = em.createQuery("from ActionEntity where id in :ids", ActionEntity.class)
                .setParameter("ids", ids)
                .getResultList();
        Map<UUID, ActionEntity> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id, r));
        return toDomain(ids.stream().map(byId::get).toList());
    }

    private List<ImprovementAction> toDomain(List<ActionEntity> rows) {
        Object[] ids = rows.stream().map(r -> r.id).toArray();
        Map<UUID, List<String>> touchpoints = new HashMap<>();
        Map<UUID, List<UUID>> causes = new HashMap<>();
        Map<UUID, long[]> counts = new HashMap<>();
        session().doWork(connection -> {
            readPairs(
                    connection,
                    "select action_id, touchpoint_key from improvement_action_touchpoint where action_id = any(?)"
                            + " order by touchpoint_key",
                    ids,
                    (action, rs) -> touchpoints
                            .computeIfAbsent(action, k -> new ArrayList<>())
                            .add(rs.getString(2)));
            readPairs(
                    connection,
                    "select action_id, root_cause_id from improvement_action_root_cause where action_id = any(?)"
                            + " order by root_cause_id",
                    ids,
                    (action, rs) -> causes.computeIfAbsent(action, k -> new ArrayList<>())
                            .add(rs.getObject(2, UUID.class)));
            readPairs(
                    connection,
                    "select a.id, s.linked, s.detractors from improvement_action a " + COUNTS + " where a.id = any(?)",
                    ids,
                    (action, rs) -> counts.put(action, new long[] {rs.getLong(2), rs.getLong(3)}));
        });
        List<ImprovementAction> actions = new ArrayList<>(rows.size());
        for (ActionEntity e : rows) {
            long[] n = counts.getOrDefault(e.id, new long[2]);
            actions.add(new ImprovementAction(
                    e.id,
                    e.title,
                    e.description,
                    e.ownerTeam,
                    causes.getOrDefault(e.id, List.of()),
                    touchpoints.getOrDefault(e.id, List.of()),
                    e.dueDate,
                    e.metric,
                    e.question,
                    e.target,
                    e.windowDays,
                    e.minSample,
                    e.status,
                    e.version,
                    e.createdAt,
                    e.createdBy,
                    e.updatedAt,
                    e.doneAt,
                    n[0],
                    n[1],
                    verdictOf(e)));
        }
        return actions;
    }

    private static ImpactVerdict verdictOf(ActionEntity e) {
        if (e.verdict == null) {
            return null;
        }
        return new ImpactVerdict(
                e.verdict,
                e.doneAt,
                e.verdictBeforeN == null ? 0 : e.verdictBeforeN,
                e.verdictBeforeValue,
                e.verdictAfterN == null ? 0 : e.verdictAfterN,
                e.verdictAfterValue,
                e.verdictDifference,
                e.verdictPValue,
                e.verdictTargetMet,
                Boolean.TRUE.equals(e.verdictInsufficient),
                e.verdictAssessedAt);
    }

    @FunctionalInterface
    private interface RowReader {
        void read(UUID action, ResultSet row) throws SQLException;
    }

    private static void readPairs(Connection connection, String sql, Object[] ids, RowReader reader)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(1, connection.createArrayOf("uuid", ids));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows.getObject(1, UUID.class), rows);
                }
            }
        }
    }

    private static List<UUID> uuids(PreparedStatement statement) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
