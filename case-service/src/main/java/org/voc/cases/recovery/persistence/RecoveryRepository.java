package org.voc.cases.recovery.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.voc.kit.jdbc.Jdbc;

/** The recovery columns of customer_case, in plain SQL on the transaction's connection. */
@ApplicationScoped
public class RecoveryRepository {

    /** A recovery answer: the case it is about, the response and what it said. */
    public record Answer(
            UUID caseId, UUID responseId, java.time.Instant answeredAt, Integer nps, Integer csat, Boolean recovered) {}

    private final EntityManager em;

    public RecoveryRepository(EntityManager em) {
        this.em = em;
    }

    /** Whether a rule the case matched (as it stands now) asks for a recovery re-survey. */
    public boolean ruledForRecovery(UUID caseId) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement s = connection.prepareStatement(
                    "select exists (select 1 from customer_case c cross join jsonb_array_elements(c.matched_rules) m"
                            + " join case_rule r on r.id::text = m->>'id'"
                            + " where c.id = ? and r.recovery_survey)")) {
                s.setObject(1, caseId);
                try (ResultSet row = s.executeQuery()) {
                    row.next();
                    return row.getBoolean(1);
                }
            }
        });
    }

    /**
     * Stores each answer on its case, if the case asked for one and has none yet; returns the cases it stored for.
     */
    public Set<UUID> record(List<Answer> answers) {
        return session().doReturningWork(connection -> {
            Set<UUID> stored = new HashSet<>();
            try (PreparedStatement s = connection.prepareStatement(
                    "update customer_case set recovery_response_id = ?, recovery_answered_at = ?, recovery_nps = ?,"
                            + " recovery_csat = ?, recovered = ?"
                            + " where id = ? and recovery_requested_at is not null and recovery_response_id is null")) {
                for (Answer a : answers) {
                    s.setObject(1, a.responseId());
                    Jdbc.setInstant(s, 2, a.answeredAt());
                    s.setObject(3, a.nps(), Types.SMALLINT);
                    s.setObject(4, a.csat(), Types.SMALLINT);
                    s.setObject(5, a.recovered(), Types.BOOLEAN);
                    s.setObject(6, a.caseId());
                    s.addBatch();
                }
                int[] counts = s.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] > 0) {
                        stored.add(answers.get(i).caseId());
                    }
                }
            }
            return stored;
        });
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
