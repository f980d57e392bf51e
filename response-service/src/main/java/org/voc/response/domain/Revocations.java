package org.voc.response.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;
import org.voc.response.config.InvitationConfig;
import org.voc.response.persistence.RevocationRepository;

/**
 * What survey-service revoked, in memory in front of the tables, so a respondent's request reads no table for it:
 * the copy is read again after {@code voc.invitations.revocation-refresh}, and at once on the replica whose consumer
 * stored a new revocation. If the database cannot be read, the last copy is kept and read again on the next request
 * after the interval.
 */
@ApplicationScoped
public class Revocations {

    private static final Logger LOG = Logger.getLogger(Revocations.class);

    /** Why a genuine token is refused anyway. */
    public enum Refusal {
        NONE,
        INVITATION_REVOKED,
        KEY_RETIRED
    }

    private record Copy(RevocationRepository.Revoked revoked, long readAt) {}

    private final RevocationRepository repository;
    private final long refreshNanos;
    private final LongSupplier nanoTime = System::nanoTime;
    private volatile Copy copy;

    public Revocations(RevocationRepository repository, InvitationConfig config) {
        this.repository = repository;
        this.refreshNanos = config.revocationRefresh().toNanos();
    }

    /** Whether a token of this invitation, signed with this key, must be refused although it verifies. */
    public Refusal check(UUID invitationId, String kid) {
        RevocationRepository.Revoked revoked = current();
        if (kid != null && revoked.kids().contains(kid)) {
            return Refusal.KEY_RETIRED;
        }
        return revoked.invitations().contains(invitationId) ? Refusal.INVITATION_REVOKED : Refusal.NONE;
    }

    /** Called by this replica's consumer once it has committed new revocations, so they apply here at once. */
    public void changed() {
        copy = null;
    }

    private RevocationRepository.Revoked current() {
        Copy c = copy;
        long now = nanoTime.getAsLong();
        if (c != null && now - c.readAt() < refreshNanos) {
            return c.revoked();
        }
        synchronized (this) {
            c = copy;
            if (c != null && now - c.readAt() < refreshNanos) {
                return c.revoked();
            }
            try {
                c = new Copy(repository.all(), nanoTime.getAsLong());
            } catch (RuntimeException e) {
                if (c == null) {
                    throw e;
                }
                LOG.warnf(
                        "revocations cannot be read; the copy of %d s ago applies meanwhile: %s",
                        (now - c.readAt()) / 1_000_000_000L, e.toString());
                c = new Copy(c.revoked(), now);
            }
            copy = c;
            return c.revoked();
        }
    }
}
