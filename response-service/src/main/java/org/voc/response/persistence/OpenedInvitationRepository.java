package org.voc.response.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.Session;
import org.voc.kit.jdbc.Jdbc;

/**
 * The first view of each invitation (table {@code opened_invitation}): insert-or-ignore keyed by the invitation id,
 * so of any number of views, concurrent ones and those on other replicas included, exactly one inserts.
 */
@ApplicationScoped
public class OpenedInvitationRepository {

    private final EntityManager em;

    public OpenedInvitationRepository(EntityManager em) {
        this.em = em;
    }

    /** Records the view in the caller's transaction; true when it is the invitation's first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean insertFirst(UUID invitationId, String via, Instant openedAt) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into opened_invitation"
                    + " (invitation_id, via, opened_at) values (?, ?, ?) on conflict do nothing")) {
                insert.setObject(1, invitationId);
                insert.setString(2, via);
                Jdbc.setInstant(insert, 3, openedAt);
                return insert.executeUpdate() > 0;
            }
        });
    }

    /**
     * Deletes up to {@code limit} views recorded before {@code before} (retention), claimed with
     * {@code FOR UPDATE SKIP LOCKED} so concurrent sweeps take disjoint rows; returns how many.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int deleteBefore(Instant before, int limit) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("delete from opened_invitation"
                    + " where invitation_id in (select invitation_id from opened_invitation where opened_at < ?"
                    + " limit ? for update skip locked)")) {
                Jdbc.setInstant(delete, 1, before);
                delete.setInt(2, limit);
                return delete.executeUpdate();
            }
        });
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
