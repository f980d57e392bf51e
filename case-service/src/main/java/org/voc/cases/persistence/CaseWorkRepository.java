package org.voc.cases.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.voc.cases.sla.Pause;
import org.voc.kit.jdbc.Jdbc;

/** The pauses of a case's SLA clocks (case_pause) and the round-robin turn of each team (case_round_robin). */
@ApplicationScoped
public class CaseWorkRepository {

    private final EntityManager em;

    public CaseWorkRepository(EntityManager em) {
        this.em = em;
    }

    public void pause(UUID caseId, Instant at) {
        session().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into case_pause (case_id, paused_at) values (?, ?) on conflict do nothing")) {
                insert.setObject(1, caseId);
                Jdbc.setInstant(insert, 2, at);
                insert.executeUpdate();
            }
        });
    }

    /** Ends the case's pause that is still running. */
    public void resume(UUID caseId, Instant at) {
        session().doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update case_pause set resumed_at = ? where case_id = ? and resumed_at is null")) {
                Jdbc.setInstant(update, 1, at);
                update.setObject(2, caseId);
                update.executeUpdate();
            }
        });
    }

    /** The case's pauses that end after {@code since} (or have not ended), oldest first. */
    public List<Pause> pausesSince(UUID caseId, Instant since) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select paused_at, resumed_at from case_pause"
                    + " where case_id = ? and (resumed_at is null or resumed_at > ?) order by paused_at")) {
                select.setObject(1, caseId);
                Jdbc.setInstant(select, 2, since);
                List<Pause> pauses = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        OffsetDateTime resumed = rows.getObject(2, OffsetDateTime.class);
                        pauses.add(new Pause(
                                rows.getObject(1, OffsetDateTime.class).toInstant(),
                                resumed == null ? null : resumed.toInstant()));
                    }
                }
                return pauses;
            }
        });
    }

    /**
     * The member whose turn it is in the team, among {@code members} in their order: the one after the member who got
     * the last turn (the first when none did, or when that member has left). The team's row stays locked until the
     * transaction ends, so concurrent assignments on any replica take turns one after the other.
     */
    public String nextTurn(String team, List<String> members) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement create = connection.prepareStatement(
                    "insert into case_round_robin (team, last_member) values (?, '') on conflict do nothing")) {
                create.setString(1, team);
                create.executeUpdate();
            }
            String last;
            try (PreparedStatement select =
                    connection.prepareStatement("select last_member from case_round_robin where team = ? for update")) {
                select.setString(1, team);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    last = row.getString(1);
                }
            }
            String next = members.get((members.indexOf(last) + 1) % members.size());
            try (PreparedStatement update =
                    connection.prepareStatement("update case_round_robin set last_member = ? where team = ?")) {
                update.setString(1, next);
                update.setString(2, team);
                update.executeUpdate();
            }
            return next;
        });
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
