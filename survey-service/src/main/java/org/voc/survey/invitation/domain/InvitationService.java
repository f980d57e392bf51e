package org.voc.survey.invitation.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.voc.events.InvitationRevoked;
import org.voc.kit.outbox.Outbox;
import org.voc.kit.problem.Conflict;
import org.voc.kit.problem.Invalid;
import org.voc.kit.problem.NotFound;
import org.voc.survey.invitation.persistence.InvitationRepository;

/** Reads issued invitations back for analysts and revokes one for operators; distribution issues them. */
@ApplicationScoped
public class InvitationService {

    /** Longest revocation reason kept. */
    public static final int MAX_REASON = 500;

    private final InvitationRepository invitations;
    private final Outbox outbox;

    public InvitationService(InvitationRepository invitations, Outbox outbox) {
        this.invitations = invitations;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Invitation invitation(UUID id) {
        return invitations.find(id).orElseThrow(() -> NotFound.of("invitation", id.toString()));
    }

    /**
     * Withdraws an invitation: REVOKED here, and {@code InvitationRevoked} (with the state change, by the outbox)
     * tells response-service to refuse its token. Idempotent: revoking it again answers it as it is. An expired
     * invitation is already refused everywhere and stays EXPIRED ({@code Conflict}).
     */
    @Transactional
    public Invitation revoke(UUID id, String reason) {
        if (reason != null && reason.length() > MAX_REASON) {
            throw Invalid.field("reason", "must be at most " + MAX_REASON + " characters");
        }
        InvitationRepository.Revocation result = invitations
                .revoke(id, Instant.now().truncatedTo(ChronoUnit.MICROS), reason)
                .orElseThrow(() -> NotFound.of("invitation", id.toString()));
        Invitation v = result.invitation();
        if (Invitation.EXPIRED.equals(v.status())) {
            throw new Conflict(
                    "invitation-expired",
                    "Invitation expired",
                    "invitation " + id + " expired at " + v.expiredAt() + "; its link no longer works",
                    "id");
        }
        if (result.revoked()) {
            outbox.publish(InvitationRevoked.TYPE.of(
                    new InvitationRevoked(v.id(), v.surveyId(), v.surveyVersion(), v.customerRef(), v.revokedAt())));
        }
        return v;
    }
}
