package org.voc.survey.invitation.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.voc.kit.problem.NotFound;
import org.voc.survey.invitation.persistence.InvitationRepository;

/** Reads issued invitations back for analysts; distribution's decision writer issues them. */
@ApplicationScoped
public class InvitationService {

    private final InvitationRepository invitations;

    public InvitationService(InvitationRepository invitations) {
        this.invitations = invitations;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Invitation invitation(UUID id) {
        return invitations.find(id).orElseThrow(() -> NotFound.of("invitation", id.toString()));
    }
}
