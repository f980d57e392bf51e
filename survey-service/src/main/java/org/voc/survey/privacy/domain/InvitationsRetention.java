package org.voc.survey.privacy.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.voc.kit.retention.RetentionRule;
import org.voc.survey.invitation.persistence.InvitationRepository;

/** Deletes invitations that stopped working longer ago than {@code voc.retention.decisions}. */
@ApplicationScoped
public class InvitationsRetention implements RetentionRule {

    private final InvitationRepository invitations;
    private final RetentionConfig config;

    public InvitationsRetention(InvitationRepository invitations, RetentionConfig config) {
        this.invitations = invitations;
        this.config = config;
    }

    @Override
    public String name() {
        return "survey.invitations";
    }

    @Override
    public Optional<Duration> limit() {
        return config.decisions();
    }

    @Override
    public int apply(Instant before, int batchSize) {
        return invitations.deleteExpiredBefore(before, batchSize);
    }
}
