package org.voc.survey.invitation.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.voc.kit.jdbc.Jdbc;
import org.voc.survey.invitation.domain.DeliveryChannel;
import org.voc.survey.invitation.domain.Invitation;
import org.voc.survey.invitation.domain.PastInvitation;

/**
 * Issued invitations, by set-based SQL on the transaction's connection: one JDBC batch for a batch's invitations,
 * {@code = any(?)} for a batch's contact history.
 */
@ApplicationScoped
public class InvitationRepository {

    /** Every column of an invitation, aliased {@code i}; {@link #invitation} reads them back. */
    public static final String COLUMNS = "i.id, i.interaction_id, i.survey_id, i.survey_version,"
            + " i.touchpoint_key, i.channel, i.segment, i.customer_ref, i.locale, i.delivery_channel, i.occurred_at,"
            + " i.issued_at, i.expires_at, i.status, i.expired_at, i.revoked_at";

    private final EntityManager em;

    public InvitationRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<Invitation> find(UUID id) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("select " + COLUMNS + " from invitation i where i.id = ?")) {
                select.setObject(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(invitation(rows)) : Optional.empty();
                }
            }
        });
    }

    /**
     * The invitations of these customers whose interactions lie in [from, to], by customer: what the contact
     * rules count. One query for a whole batch.
     */
    public Map<String, List<PastInvitation>> around(Collection<String> customerRefs, Instant from, Instant to) {
        if (customerRefs.isEmpty()) {
            return Map.of();
        }
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select customer_ref, survey_id, occurred_at"
                    + " from invitation where customer_ref = any(?) and occurred_at between ? and ?")) {
                select.setArray(1, connection.createArrayOf("text", customerRefs.toArray()));
                Jdbc.setInstant(select, 2, from);
                Jdbc.setInstant(select, 3, to);
                Map<String, List<PastInvitation>> found = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.computeIfAbsent(rows.getString(1), c -> new ArrayList<>())
                                .add(new PastInvitation(rows.getObject(2, UUID.class), Jdbc.instant(rows, 3)));
                    }
                }
                return found;
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(List<Invitation> invitations) {
        if (invitations.isEmpty()) {
            return;
        }
        session().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into invitation (id, interaction_id, survey_id, survey_version, touchpoint_key, channel,
                        segment, customer_ref, locale, delivery_channel, occurred_at, issued_at, expires_at, status,
                        expired_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (Invitation v : invitations) {
                    int i = 0;
                    insert.setObject(++i, v.id());
                    insert.setString(++i, v.interactionId());
                    insert.setObject(++i, v.surveyId());
                    insert.setInt(++i, v.surveyVersion());
                    insert.setString(++i, v.touchpointKey());
                    insert.setString(++i, v.channel());
                    insert.setString(++i, v.segment());
                    insert.setString(++i, v.customerRef());
                    insert.setString(++i, v.locale());
                    insert.setString(++i, v.deliveryChannel().name());
                    Jdbc.setInstant(insert, ++i, v.occurredAt());
                    Jdbc.setInstant(insert, ++i, v.issuedAt());
                    Jdbc.setInstant(insert, ++i, v.expiresAt());
                    insert.setString(++i, v.status());
                    Jdbc.setInstant(insert, ++i, v.expiredAt());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * Marks up to {@code limit} ISSUED invitations whose expiry has passed as EXPIRED and returns them. Rows are
     * claimed with {@code FOR UPDATE SKIP LOCKED}, so replicas sweeping at once expire disjoint sets.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Invitation> expireDue(Instant now, int limit) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update invitation i set status = 'EXPIRED', expired_at = i.expires_at
                    where i.id in (select id from invitation where status = 'ISSUED' and expires_at <= ?
                                   order by expires_at limit ? for update skip locked)
                    returning\s""" + COLUMNS)) {
                Jdbc.setInstant(update, 1, now);
                update.setInt(2, limit);
                List<Invitation> expired = new ArrayList<>();
                try (ResultSet rows = update.executeQuery()) {
                    while (rows.next()) {
                        expired.add(invitation(rows));
                    }
                }
                return expired;
            }
        });
    }

    /**
     * Marks an invitation REVOKED, unless it is already revoked or expired; returns it as it now is (empty when no
     * invitation has this id). The row is locked, so a revocation and the expiry sweep never both apply.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Revocation> revoke(UUID id, Instant at, String reason) {
        return session().doReturningWork(connection -> {
            Invitation before;
            try (PreparedStatement select =
                    connection.prepareStatement("select " + COLUMNS + " from invitation i where i.id = ? for update")) {
                select.setObject(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    before = invitation(rows);
                }
            }
            if (!Invitation.ISSUED.equals(before.status())) {
                return Optional.of(new Revocation(before, false));
            }
            try (PreparedStatement update = connection.prepareStatement("update invitation i set status = ?,"
                    + " revoked_at = ?, revoked_reason = ? where i.id = ? returning " + COLUMNS)) {
                update.setString(1, Invitation.REVOKED);
                Jdbc.setInstant(update, 2, at);
                update.setString(3, reason);
                update.setObject(4, id);
                try (ResultSet rows = update.executeQuery()) {
                    rows.next();
                    return Optional.of(new Revocation(invitation(rows), true));
                }
            }
        });
    }

    /** Deletes every invitation issued to the customer (an erasure); returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int deleteByCustomer(String customerRef) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("delete from invitation where customer_ref = ?")) {
                delete.setString(1, customerRef);
                return delete.executeUpdate();
            }
        });
    }

    /** An invitation after a revocation; {@code revoked} is false when it was already revoked or expired. */
    public record Revocation(Invitation invitation, boolean revoked) {}

    /**
     * Deletes up to {@code limit} invitations that stopped working before {@code before} (retention); rows are
     * claimed with {@code FOR UPDATE SKIP LOCKED}, so concurrent sweeps delete disjoint rows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int deleteExpiredBefore(Instant before, int limit) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("""
                    delete from invitation where id in (select id from invitation where expires_at < ?
                                                        limit ? for update skip locked)""")) {
                Jdbc.setInstant(delete, 1, before);
                delete.setInt(2, limit);
                return delete.executeUpdate();
            }
        });
    }

    /** The invitation in the current row, selected with {@link #COLUMNS}; it never has its token (not stored). */
    public static Invitation invitation(ResultSet rows) throws SQLException {
        return new Invitation(
                rows.getObject("id", UUID.class),
                rows.getString("interaction_id"),
                rows.getObject("survey_id", UUID.class),
                rows.getInt("survey_version"),
                rows.getString("touchpoint_key"),
                rows.getString("channel"),
                rows.getString("segment"),
                rows.getString("customer_ref"),
                rows.getString("locale"),
                DeliveryChannel.valueOf(rows.getString("delivery_channel")),
                Jdbc.instant(rows, "occurred_at"),
                Jdbc.instant(rows, "issued_at"),
                Jdbc.instant(rows, "expires_at"),
                rows.getString("status"),
                Jdbc.instant(rows, "expired_at"),
                Jdbc.instant(rows, "revoked_at"),
                null,
                null);
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
