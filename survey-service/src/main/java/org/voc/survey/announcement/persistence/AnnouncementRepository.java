package org.voc.survey.announcement.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.voc.kit.jdbc.Jdbc;

/** The announced parts of verified actions, and the erased customers they leave out; plain SQL. */
@ApplicationScoped
public class AnnouncementRepository {

    private final EntityManager em;

    public AnnouncementRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Records a part as announced; false when it already was (a redelivery), so the caller publishes nothing again.
     */
    public boolean claim(
            UUID actionId, Instant verifiedAt, int part, int parts, int announced, int excluded, Instant at) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into action_announcement (action_id, verified_at, part, parts, announced, excluded,"
                            + " announced_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
                insert.setObject(1, actionId);
                Jdbc.setInstant(insert, 2, verifiedAt);
                insert.setInt(3, part);
                insert.setInt(4, parts);
                insert.setInt(5, announced);
                insert.setInt(6, excluded);
                Jdbc.setInstant(insert, 7, at);
                return insert.executeUpdate() == 1;
            }
        });
    }

    /** Which of these customer hashes belong to an erased customer (an erasure pending or done). */
    public Set<String> erased(Collection<String> customerHashes) {
        if (customerHashes.isEmpty()) {
            return Set.of();
        }
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select distinct customer_hash from erasure where customer_hash = any(?)")) {
                select.setArray(1, connection.createArrayOf("text", customerHashes.toArray()));
                Set<String> found = new HashSet<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getString(1));
                    }
                }
                return found;
            }
        });
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
