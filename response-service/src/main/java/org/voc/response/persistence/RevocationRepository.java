package org.voc.response.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.voc.events.InvitationKeyRetired;
import org.voc.events.InvitationRevoked;
import org.voc.kit.jdbc.Jdbc;

/**
 * Revoked invitations and retired signing keys (tables {@code revoked_invitation}, {@code retired_invitation_key}),
 * fed from {@code voc.invitation-revocations}. A revocation is for good, so storing is insert-or-ignore and
 * replaying the topic changes nothing.
 */
@ApplicationScoped
public class RevocationRepository {

    /** Everything revoked: the verifier's copy. Small: operators revoke by hand. */
    public record Revoked(Set<UUID> invitations, Set<String> kids) {}

    private final EntityManager em;

    public RevocationRepository(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void store(List<InvitationRevoked> invitations, List<InvitationKeyRetired> keys) {
        session().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into revoked_invitation"
                    + " (invitation_id, revoked_at) values (?, ?) on conflict do nothing")) {
                for (InvitationRevoked r : invitations) {
                    insert.setObject(1, r.invitationId());
                    Jdbc.setInstant(insert, 2, r.revokedAt());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into retired_invitation_key (kid, retired_at) values (?, ?) on conflict do nothing")) {
                for (InvitationKeyRetired k : keys) {
                    insert.setString(1, k.kid());
                    Jdbc.setInstant(insert, 2, k.retiredAt());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Revoked all() {
        return session().doReturningWork(connection -> {
            Set<UUID> invitations = new HashSet<>();
            Set<String> kids = new HashSet<>();
            try (PreparedStatement select =
                            connection.prepareStatement("select invitation_id from revoked_invitation");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    invitations.add(rows.getObject(1, UUID.class));
                }
            }
            try (PreparedStatement select = connection.prepareStatement("select kid from retired_invitation_key");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    kids.add(rows.getString(1));
                }
            }
            return new Revoked(Set.copyOf(invitations), Set.copyOf(kids));
        });
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
