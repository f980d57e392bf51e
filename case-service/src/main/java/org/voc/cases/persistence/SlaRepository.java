package org.voc.cases.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.voc.cases.sla.Breach;
import org.voc.cases.sla.CaseClock;
import org.voc.cases.sla.OpenBreach;
import org.voc.cases.sla.Pause;
import org.voc.kit.jdbc.Jdbc;

/**
 * The SLA scheduler's reads and writes (V9): due clocks are claimed with {@code FOR UPDATE SKIP LOCKED}, so sweeps of
 * several replicas take disjoint cases, and every mark is an insert whose primary key refuses a second one, of which
 * only the rows actually inserted are acted on. Set-based SQL, one statement per batch.
 */
@ApplicationScoped
public class SlaRepository {

    /** The actor of the history rows the scheduler writes. */
    public static final String SYSTEM = "system";

    private final EntityManager em;

    public SlaRepository(EntityManager em) {
        this.em = em;
    }

    /** A ladder step to record as fired. */
    public record Escalation(UUID caseId, CaseClock clock, int step, String label, List<String> recipients) {}

    /**
     * Marks as breached, at {@code now}, up to {@code limit} running cases whose {@code clock} is due before
     * {@code now} and not marked yet (the candidate index holds only those), skipping cases another sweep holds.
     * Paused (due time null while waiting) and finished cases never qualify.
     */
    public List<Breach> markDue(CaseClock clock, Instant now, int limit) {
        String due = dueColumn(clock);
        String met = metColumn(clock);
        String breached = breachedColumn(clock);
        String sql = "update customer_case c set " + breached + " = ? from (select id from customer_case"
                + " where " + met + " is null and " + breached + " is null and " + due + " is not null"
                + " and status not in ('RESOLVED', 'CLOSED', 'WAITING_ON_CUSTOMER') and " + due + " < ?"
                + " order by " + due + " limit ? for no key update skip locked) claimed where c.id = claimed.id"
                + " returning c.id, c.team, c.touchpoint_key, c.priority, c." + due;
        return session().doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                Jdbc.setInstant(update, 1, now);
                Jdbc.setInstant(update, 2, now);
                update.setInt(3, limit);
                List<Breach> marked = new ArrayList<>();
                try (ResultSet rows = update.executeQuery()) {
                    while (rows.next()) {
                        marked.add(new Breach(
                                rows.getObject(1, UUID.class),
                                rows.getString(2),
                                rows.getString(3),
                                rows.getString(4),
                                clock,
                                Jdbc.instant(rows, 5),
                                now));
                    }
                }
                return marked;
            }
        });
    }

    /**
     * Records the breaches, each with the earliest moment its first ladder step may fire (absent: no ladder);
     * returns the case ids actually inserted (a breach already recorded is left as it is).
     */
    public Set<UUID> insertBreaches(List<Breach> breaches, Map<UUID, Instant> firstEscalationAt) {
        if (breaches.isEmpty()) {
            return Set.of();
        }
        String sql = "insert into case_breach (case_id, clock, due_at, breached_at, next_escalation_at) values "
                + String.join(", ", Collections.nCopies(breaches.size(), "(?, ?, ?, ?, ?)"))
                + " on conflict do nothing returning case_id";
        return session().doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                int i = 0;
                for (Breach breach : breaches) {
                    insert.setObject(++i, breach.caseId());
                    insert.setString(++i, breach.clock().name());
                    Jdbc.setInstant(insert, ++i, breach.dueAt());
                    Jdbc.setInstant(insert, ++i, breach.breachedAt());
                    Jdbc.setInstant(insert, ++i, firstEscalationAt.get(breach.caseId()));
                }
                return ids(insert);
            }
        });
    }

    /**
     * Claims up to {@code limit} breaches whose next ladder step may be due at {@code now}, skipping those another
     * sweep holds; the lock lasts until the caller's transaction ends.
     */
    public List<OpenBreach> claimEscalations(Instant now, int limit) {
        String sql = "select b.case_id, b.clock, b.breached_at, b.next_step, c.team, c.touchpoint_key, c.status,"
                + " case b.clock when 'FIRST_CONTACT' then c.first_contact_at is not null"
                + " else c.resolved_at is not null end as met"
                + " from case_breach b join customer_case c on c.id = b.case_id"
                + " where b.next_escalation_at <= ? order by b.next_escalation_at limit ?"
                + " for no key update of b skip locked";
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                Jdbc.setInstant(select, 1, now);
                select.setInt(2, limit);
                List<OpenBreach> claimed = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        claimed.add(new OpenBreach(
                                rows.getObject("case_id", UUID.class),
                                CaseClock.valueOf(rows.getString("clock")),
                                Jdbc.instant(rows, "breached_at"),
                                rows.getInt("next_step"),
                                rows.getString("team"),
                                rows.getString("touchpoint_key"),
                                rows.getString("status"),
                                rows.getBoolean("met")));
                    }
                }
                return claimed;
            }
        });
    }

    /** The pauses of these cases, by case. */
    public Map<UUID, List<Pause>> pauses(Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select case_id, paused_at, resumed_at from case_pause where case_id = any(?)")) {
                select.setArray(1, connection.createArrayOf("uuid", caseIds.toArray()));
                Map<UUID, List<Pause>> pauses = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        pauses.computeIfAbsent(rows.getObject(1, UUID.class), k -> new ArrayList<>())
                                .add(new Pause(Jdbc.instant(rows, 2), Jdbc.instant(rows, 3)));
                    }
                }
                return pauses;
            }
        });
    }

    /** Records fired steps at {@code now}; returns those actually inserted, as "caseId/clock/step". */
    public Set<String> insertEscalations(List<Escalation> escalations, Instant now) {
        if (escalations.isEmpty()) {
            return Set.of();
        }
        String sql = "insert into case_escalation (case_id, clock, step, label, recipients, escalated_at) values "
                + String.join(", ", Collections.nCopies(escalations.size(), "(?, ?, ?, ?, ?, ?)"))
                + " on conflict do nothing returning case_id, clock, step";
        return session().doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                int i = 0;
                for (Escalation e : escalations) {
                    insert.setObject(++i, e.caseId());
                    insert.setString(++i, e.clock().name());
                    insert.setInt(++i, e.step());
                    insert.setString(++i, e.label());
                    insert.setArray(
                            ++i, connection.createArrayOf("text", e.recipients().toArray()));
                    Jdbc.setInstant(insert, ++i, now);
                }
                Set<String> inserted = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(key(
                                rows.getObject(1, UUID.class), CaseClock.valueOf(rows.getString(2)), rows.getInt(3)));
                    }
                }
                return inserted;
            }
        });
    }

    /** The key {@link #insertEscalations} reports a fired step by. */
    public static String key(UUID caseId, CaseClock clock, int step) {
        return caseId + "/" + clock + "/" + step;
    }

    /** Where a claimed breach goes on: the next step to fire and when it may (null: nothing left to escalate). */
    public record Reschedule(UUID caseId, CaseClock clock, int nextStep, Instant nextEscalationAt) {}

    /** Moves the claimed breaches on, one statement for the batch. */
    public void reschedule(List<Reschedule> moves) {
        if (moves.isEmpty()) {
            return;
        }
        session().doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("update case_breach b set next_step = m.step,"
                    + " next_escalation_at = m.at from unnest(?::uuid[], ?::text[], ?::int[], ?::text[]::timestamptz[])"
                    + " as m(case_id, clock, step, at) where b.case_id = m.case_id and b.clock = m.clock")) {
                update.setArray(
                        1,
                        connection.createArrayOf(
                                "uuid", moves.stream().map(Reschedule::caseId).toArray()));
                update.setArray(
                        2,
                        connection.createArrayOf(
                                "text",
                                moves.stream().map(m -> m.clock().name()).toArray()));
                update.setArray(
                        3,
                        connection.createArrayOf(
                                "int4", moves.stream().map(Reschedule::nextStep).toArray()));
                // ISO-8601 instants (with Z) cast by PostgreSQL: no JVM time zone between them.
                update.setArray(
                        4,
                        connection.createArrayOf(
                                "text",
                                moves.stream()
                                        .map(m -> m.nextEscalationAt() == null
                                                ? null
                                                : m.nextEscalationAt().toString())
                                        .toArray()));
                update.executeUpdate();
            }
        });
    }

    private static Set<UUID> ids(PreparedStatement statement) throws SQLException {
        Set<UUID> ids = new HashSet<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private static String dueColumn(CaseClock clock) {
        return clock == CaseClock.FIRST_CONTACT ? "first_contact_due_at" : "resolution_due_at";
    }

    private static String metColumn(CaseClock clock) {
        return clock == CaseClock.FIRST_CONTACT ? "first_contact_at" : "resolved_at";
    }

    private static String breachedColumn(CaseClock clock) {
        return clock == CaseClock.FIRST_CONTACT ? "first_contact_breached_at" : "resolution_breached_at";
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
