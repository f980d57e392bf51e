package org.voc.cases.causes.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;
import org.voc.cases.causes.domain.CauseRef;

/** The causes of cases (case_root_cause), in the order the agent gave them. */
@ApplicationScoped
public class CaseRootCauseRepository {

    private final EntityManager em;

    public CaseRootCauseRepository(EntityManager em) {
        this.em = em;
    }

    /** Replaces the case's causes with {@code causes}, in their order. */
    public void replace(UUID caseId, List<UUID> causes) {
        session().doWork(connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("delete from case_root_cause where case_id = ?")) {
                delete.setObject(1, caseId);
                delete.executeUpdate();
            }
            if (causes.isEmpty()) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into case_root_cause"
                    + " (case_id, root_cause_id, position) select ?, c.id, c.n - 1"
                    + " from unnest(?::text[]::uuid[]) with ordinality as c(id, n)")) {
                insert.setObject(1, caseId);
                insert.setArray(
                        2,
                        connection.createArrayOf(
                                "text", causes.stream().map(UUID::toString).toArray()));
                insert.executeUpdate();
            }
        });
    }

    /** The causes of each of these cases (a case without any is absent), each list in the agent's order. */
    public Map<UUID, List<CauseRef>> of(Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select x.case_id, r.id, r.code, r.name"
                    + " from case_root_cause x join root_cause r on r.id = x.root_cause_id"
                    + " where x.case_id = any(?::text[]::uuid[]) order by x.case_id, x.position")) {
                select.setArray(
                        1,
                        connection.createArrayOf(
                                "text", caseIds.stream().map(UUID::toString).toArray()));
                Map<UUID, List<CauseRef>> out = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        out.computeIfAbsent(rows.getObject(1, UUID.class), k -> new ArrayList<>())
                                .add(new CauseRef(rows.getObject(2, UUID.class), rows.getString(3), rows.getString(4)));
                    }
                }
                return out;
            }
        });
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
