package org.voc.cases.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.voc.cases.domain.CaseKpis;
import org.voc.cases.domain.KpiQuery;
import org.voc.kit.jdbc.Jdbc;

/**
 * The closed-loop KPIs in one SQL statement: the cohort opened in the window (through the opening-time index), the
 * unfinished backlog (a partial index), the breaches and escalations recorded in the window (their time indexes) and
 * the recovery re-surveys asked for in the window (a partial index), each narrowed by the same team, touchpoint and
 * scope filter.
 */
@ApplicationScoped
public class KpiRepository {

    private static final String FIRST_CONTACT = "first_contact";
    private static final String RESOLUTION = "resolution";

    private final EntityManager em;

    public KpiRepository(EntityManager em) {
        this.em = em;
    }

    public CaseKpis compute(KpiQuery query) {
        List<Binder> binds = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select * from (select count(*) as opened, ");
        clock(
                sql,
                binds,
                "first_contact_at",
                "first_contact_due_at",
                "first_contact_business_seconds",
                FIRST_CONTACT,
                query);
        sql.append(", ");
        clock(sql, binds, "resolved_at", "resolution_due_at", "resolution_business_seconds", RESOLUTION, query);
        sql.append(" from customer_case c where c.opened_at >= ? and c.opened_at <= ?");
        binds.add((s, i) -> Jdbc.setInstant(s, i, query.from()));
        binds.add((s, i) -> Jdbc.setInstant(s, i, query.to()));
        filter(sql, binds, query);
        sql.append(") cohort, (select count(*) as backlog,");
        bucket(sql, binds, "under_one_day", null, query.asOf().minus(Duration.ofDays(1)));
        sql.append(",");
        bucket(
                sql,
                binds,
                "one_to_three_days",
                query.asOf().minus(Duration.ofDays(1)),
                query.asOf().minus(Duration.ofDays(3)));
        sql.append(",");
        bucket(
                sql,
                binds,
                "three_to_seven_days",
                query.asOf().minus(Duration.ofDays(3)),
                query.asOf().minus(Duration.ofDays(7)));
        sql.append(",");
        bucket(sql, binds, "over_seven_days", query.asOf().minus(Duration.ofDays(7)), null);
        sql.append(" from customer_case c where c.status not in ('RESOLVED', 'CLOSED')");
        filter(sql, binds, query);
        sql.append(") backlog, ");
        perClock(sql, binds, "case_breach", "breached_at", "breaches", query);
        sql.append(", ");
        perClock(sql, binds, "case_escalation", "escalated_at", "escalations", query);
        sql.append(", (select count(*) as recovery_requested, count(c.recovery_answered_at) as recovery_answered,"
                + " count(*) filter (where c.recovered) as recovery_recovered from customer_case c"
                + " where c.recovery_requested_at >= ? and c.recovery_requested_at <= ?");
        binds.add((s, i) -> Jdbc.setInstant(s, i, query.from()));
        binds.add((s, i) -> Jdbc.setInstant(s, i, query.to()));
        filter(sql, binds, query);
        sql.append(") recovery");
        return session().doReturningWork(connection -> read(connection, sql.toString(), binds));
    }

    /** Met, missed and the business-time percentiles of one clock over the cohort. */
    private static void clock(
            StringBuilder sql,
            List<Binder> binds,
            String metAt,
            String dueAt,
            String seconds,
            String name,
            KpiQuery query) {
        sql.append("count(*) filter (where c.")
                .append(metAt)
                .append(" <= c.")
                .append(dueAt)
                .append(") as ")
                .append(name)
                .append("_met, count(*) filter (where c.")
                .append(metAt)
                .append(" > c.")
                .append(dueAt)
                .append(" or (c.")
                .append(metAt)
                .append(" is null and c.")
                .append(dueAt)
                .append(" < ?)) as ")
                .append(name)
                .append("_missed, round((percentile_cont(0.5) within group (order by c.")
                .append(seconds)
                .append(") / 3600)::numeric, 2) as ")
                .append(name)
                .append("_median")
                .append(", round((percentile_cont(0.9) within group (order by c.")
                .append(seconds)
                .append(") / 3600)::numeric, 2) as ")
                .append(name)
                .append("_p90");
        binds.add((s, i) -> Jdbc.setInstant(s, i, query.asOf()));
    }

    /** Unfinished cases opened after {@code newerThan} (exclusive) and at or before {@code notNewerThan}. */
    private static void bucket(
            StringBuilder sql, List<Binder> binds, String name, Instant notNewerThan, Instant newerThan) {
        List<String> conditions = new ArrayList<>();
        if (newerThan != null) {
            conditions.add("c.opened_at > ?");
            binds.add((s, i) -> Jdbc.setInstant(s, i, newerThan));
        }
        if (notNewerThan != null) {
            conditions.add("c.opened_at <= ?");
            binds.add((s, i) -> Jdbc.setInstant(s, i, notNewerThan));
        }
        sql.append(" count(*) filter (where ")
                .append(String.join(" and ", conditions))
                .append(") as ")
                .append(name);
    }

    /** Rows of a breach or escalation table recorded in the window, per clock. */
    private static void perClock(
            StringBuilder sql, List<Binder> binds, String table, String at, String name, KpiQuery query) {
        sql.append("(select count(*) filter (where x.clock = 'FIRST_CONTACT') as ")
                .append(name)
                .append("_first_contact, count(*) filter (where x.clock = 'RESOLUTION') as ")
                .append(name)
                .append("_resolution from ")
                .append(table)
                .append(" x join customer_case c on c.id = x.case_id")
                .append(" where x.")
                .append(at)
                .append(" >= ? and x.")
                .append(at)
                .append(" <= ?");
        binds.add((s, i) -> Jdbc.setInstant(s, i, query.from()));
        binds.add((s, i) -> Jdbc.setInstant(s, i, query.to()));
        filter(sql, binds, query);
        sql.append(") ").append(name);
    }

    /** The team, touchpoint and scope filter on {@code c}. */
    private static void filter(StringBuilder sql, List<Binder> binds, KpiQuery query) {
        if (query.team() != null) {
            sql.append(" and c.team = ?");
            binds.add((s, i) -> s.setString(i, query.team()));
        }
        if (query.touchpoint() != null) {
            sql.append(" and c.touchpoint_key = ?");
            binds.add((s, i) -> s.setString(i, query.touchpoint()));
        }
        if (!query.scope().isAll()) {
            sql.append(" and c.team = any(?)");
            binds.add((s, i) -> s.setArray(
                    i,
                    s.getConnection()
                            .createArrayOf("text", query.scope().teams().toArray())));
        }
    }

    private static CaseKpis read(Connection connection, String sql, List<Binder> binds) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < binds.size(); i++) {
                binds.get(i).bind(statement, i + 1);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                long opened = row.getLong("opened");
                return new CaseKpis(
                        opened,
                        clockOf(row, FIRST_CONTACT, opened),
                        clockOf(row, RESOLUTION, opened),
                        new CaseKpis.Backlog(
                                row.getLong("backlog"),
                                row.getLong("under_one_day"),
                                row.getLong("one_to_three_days"),
                                row.getLong("three_to_seven_days"),
                                row.getLong("over_seven_days")),
                        new CaseKpis.PerClock(
                                row.getLong("breaches_first_contact"), row.getLong("breaches_resolution")),
                        new CaseKpis.PerClock(
                                row.getLong("escalations_first_contact"), row.getLong("escalations_resolution")),
                        recovery(row));
            }
        }
    }

    private static CaseKpis.Recovery recovery(ResultSet row) throws SQLException {
        long answered = row.getLong("recovery_answered");
        long recovered = row.getLong("recovery_recovered");
        return new CaseKpis.Recovery(
                row.getLong("recovery_requested"),
                answered,
                recovered,
                answered == 0 ? null : (double) recovered / answered);
    }

    private static CaseKpis.ClockKpis clockOf(ResultSet row, String name, long opened) throws SQLException {
        long met = row.getLong(name + "_met");
        long missed = row.getLong(name + "_missed");
        return new CaseKpis.ClockKpis(
                met,
                missed,
                opened - met - missed,
                met + missed == 0 ? null : (double) met / (met + missed),
                hours(row, name + "_median"),
                hours(row, name + "_p90"));
    }

    private static Double hours(ResultSet row, String column) throws SQLException {
        java.math.BigDecimal value = row.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }

    /** Binds one parameter at its position. */
    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement, int index) throws SQLException;
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
