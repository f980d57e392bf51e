package org.voc.cases.causes.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.voc.cases.causes.domain.CauseCount;
import org.voc.cases.domain.CaseScope;
import org.voc.kit.jdbc.Jdbc;

/** The cases of each cause per touchpoint, one grouped query over case_root_cause and customer_case. */
@ApplicationScoped
public class ParetoRepository {

    private final EntityManager em;

    public ParetoRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Per cause and touchpoint ({@code ""} for none): the cases that name the cause whose response came in {@code
     * [from, to)}, in the scope, of the team and touchpoint if given, and how many of them are NPS detractors (0–6).
     * A scope limited to teams must name at least one.
     */
    public List<CauseCount> counts(CaseScope scope, String team, String touchpoint, Instant from, Instant to) {
        StringBuilder sql = new StringBuilder("select x.root_cause_id, coalesce(c.touchpoint_key, ''), count(*),"
                + " count(*) filter (where c.nps <= 6) from case_root_cause x"
                + " join customer_case c on c.id = x.case_id where c.responded_at >= ? and c.responded_at < ?");
        if (!scope.isAll()) {
            sql.append(" and c.team = any(?)");
        }
        if (team != null) {
            sql.append(" and c.team = ?");
        }
        if (touchpoint != null) {
            sql.append(" and c.touchpoint_key = ?");
        }
        sql.append(" group by 1, 2");
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                int i = 0;
                Jdbc.setInstant(select, ++i, from);
                Jdbc.setInstant(select, ++i, to);
                if (!scope.isAll()) {
                    select.setArray(
                            ++i, connection.createArrayOf("text", scope.teams().toArray()));
                }
                if (team != null) {
                    select.setString(++i, team);
                }
                if (touchpoint != null) {
                    select.setString(++i, touchpoint);
                }
                List<CauseCount> out = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        out.add(new CauseCount(
                                rows.getObject(1, UUID.class), rows.getString(2), rows.getLong(3), rows.getLong(4)));
                    }
                }
                return out;
            }
        });
    }

    /** How many distinct cases of the same selection name at least one cause. */
    public long casesWithCause(CaseScope scope, String team, String touchpoint, Instant from, Instant to) {
        StringBuilder sql = new StringBuilder("select count(distinct x.case_id) from case_root_cause x"
                + " join customer_case c on c.id = x.case_id where c.responded_at >= ? and c.responded_at < ?");
        if (!scope.isAll()) {
            sql.append(" and c.team = any(?)");
        }
        if (team != null) {
            sql.append(" and c.team = ?");
        }
        if (touchpoint != null) {
            sql.append(" and c.touchpoint_key = ?");
        }
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                int i = 0;
                Jdbc.setInstant(select, ++i, from);
                Jdbc.setInstant(select, ++i, to);
                if (!scope.isAll()) {
                    select.setArray(
                            ++i, connection.createArrayOf("text", scope.teams().toArray()));
                }
                if (team != null) {
                    select.setString(++i, team);
                }
                if (touchpoint != null) {
                    select.setString(++i, touchpoint);
                }
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
